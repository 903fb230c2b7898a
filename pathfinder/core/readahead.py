"""Several reads in one statement (issue 15, goal 3: at most ten queries a page).

A page made of parts (the dashboard's panels, the Progress page's measures)
used to send one statement per part. Inside `shared_lookups()`,
`read_ahead(queryset, ...)` sends all the given SELECTs together, as one
statement whose every column is one query's rows as JSON. Afterwards, when
the part iterates a queryset whose SQL and parameters are exactly those of
one read ahead, Django is handed those rows instead of asking again; every
conversion (dates, decimals, select_related objects, annotations) still runs
through Django's own code, as if the rows had come from the cursor.

Nothing changes what a part sees: a queryset that differs in any way (another
date, another user) is not matched and is sent as before. The rows live only
as long as the `shared_lookups()` block, like every other shared lookup.

A query whose columns cannot come back through JSON exactly (binary data,
durations, or more columns than a database function accepts) is simply not
read ahead.
"""

import copy
import datetime
import json
import uuid
from contextlib import ExitStack
from contextvars import ContextVar
from decimal import Decimal

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models.sql import compiler as sql_compiler
from django.db.models.sql.constants import MULTI, SINGLE
from django.http import HttpRequest

from pathfinder.core import scoping

_KEY = ("read-ahead",)
_DONE = ("read-ahead-done",)
# Fewer than PostgreSQL's 100 arguments to a function (json_build_array) and
# SQLite's default 127 (json_array).
MAX_COLUMNS = 90
_UNSUPPORTED = {"BinaryField", "DurationField"}
_NUMBERS = {"FloatField", "DecimalField"}


def _answers() -> dict | None:
    memo = scoping._shared.get()
    return None if memo is None else memo.setdefault(_KEY, {})


def _internal_type(expression) -> str:
    try:
        field = expression.output_field
    except AttributeError:  # an expression with no output field: take it as text
        return "TextField"
    while getattr(field, "target_field", None) is not None and field.is_relation:
        field = field.target_field  # a foreign key holds what its target's column holds
    return field.get_internal_type()


class _Plan:
    """One read, compiled: the key it will be asked by, and how to read it ahead."""

    def __init__(self, key: tuple, plain):
        self.key = key
        self.db = plain.using
        self.connection = plain.connection
        aliased = plain.query.get_compiler(using=self.db, elide_empty=plain.elide_empty)
        self.sql, self.params = aliased.as_sql(with_col_aliases=True)
        self.types = [_internal_type(column[0]) for column in plain.select]
        self.width = len(self.types)
        if len(aliased.select) != self.width:
            raise _NotReadable
        if self.width > MAX_COLUMNS or _UNSUPPORTED & set(self.types):
            raise _NotReadable
        self.names = [alias for (_expression, _sql, alias) in aliased.select]
        if any(not name for name in self.names):
            raise _NotReadable

    def column_sql(self) -> str:
        quote = self.connection.ops.quote_name
        vendor = self.connection.vendor
        columns = []
        for name, kind in zip(self.names, self.types, strict=True):
            column = f"t.{quote(name)}"
            if vendor == "sqlite" and kind in _NUMBERS:
                # SQLite's JSON keeps 15 significant digits of a float; 17 keep all of it.
                column = f"CASE WHEN {column} IS NULL THEN NULL ELSE printf('%%.17g', {column}) END"
            elif vendor == "postgresql" and kind == "JSONField":
                column = f"({column})::text"  # the text Django loads jsonb from, exactly as stored
            columns.append(column)
        if vendor == "postgresql":
            # As text, so numbers keep their exact digits (the driver would make floats of them).
            # Django compiled the inner SQL; every value in it is a parameter.
            return f"(SELECT json_agg(json_build_array({', '.join(columns)}))::text FROM ({self.sql}) t)"  # noqa: S608
        return f"(SELECT json_group_array(json_array({', '.join(columns)})) FROM ({self.sql}) t)"  # noqa: S608

    def rows(self, text: str | None) -> list[tuple]:
        """The rows as the database driver would have given them."""
        if text is None:
            return []
        vendor = self.connection.vendor
        decoded = json.loads(text, parse_float=Decimal) if vendor == "postgresql" else json.loads(text)
        convert = _from_postgresql if vendor == "postgresql" else _from_sqlite
        return [tuple(convert(value, kind) for value, kind in zip(row, self.types, strict=True)) for row in decoded]


class _NotReadable(Exception):
    pass


def _from_sqlite(value, kind: str):
    if value is not None and kind in _NUMBERS:
        return float(value)  # as the driver gives a REAL; Django makes a Decimal of it
    return value


def _from_postgresql(value, kind: str):
    if value is None:
        return None
    if kind == "DateTimeField":
        return datetime.datetime.fromisoformat(value)
    if kind == "DateField":
        return datetime.date.fromisoformat(value)
    if kind == "TimeField":
        return datetime.time.fromisoformat(value)
    if kind == "DecimalField":
        return Decimal(value) if not isinstance(value, Decimal) else value
    if kind == "FloatField":
        return float(value)
    if kind == "UUIDField":
        return uuid.UUID(value)
    if isinstance(value, Decimal):  # a number json gave as a decimal: the driver gives a float
        return float(value)
    return value


class _Captured(Exception):
    """Raised at any statement that would reach the database while reads are only being noted."""


def _refuse(execute, sql, params, many, context):
    raise _Captured


def _note(read) -> None:
    """Run `read` with nothing reaching the database, noting what it selects."""
    held = [connections[alias] for alias in connections]
    # A statement refused inside a transaction would mark it as failed, though
    # it never reached the database: the transaction is left as it was.
    before = [(connection.needs_rollback, connection.rollback_exc) for connection in held]
    try:
        with ExitStack() as stack:
            for connection in held:
                stack.enter_context(connection.execute_wrapper(_refuse))
            read()
    except Exception:  # noqa: S110  a part that stops on empty answers: what it noted still counts
        pass
    for connection, (needs_rollback, rollback_exc) in zip(held, before, strict=True):
        connection.needs_rollback, connection.rollback_exc = needs_rollback, rollback_exc


def _copy_for_noting(value):
    """A copy a part can change as it likes while it sees empty answers (it may
    cache what it saw on the objects it is given, as the permission checks
    cache roles on the user): the page's own objects are never touched."""
    if isinstance(value, HttpRequest):
        request = copy.copy(value)
        request.user = copy.deepcopy(value.user)
        return request
    return copy.deepcopy(value)


def _memo_for_noting(memo: dict) -> dict:
    """Only what changes how a part's SQL is written (the services reached, the
    page's moment) and the rows already read ahead; no object another part made,
    which a part being noted could change."""
    kept = {key: memo[key] for key in (_KEY, scoping._PAGE_TIME) if key in memo}
    for key, value in memo.items():
        if key and key[0] == "reached-services":
            kept[key] = set(value)
    return kept


def read_ahead(*querysets, parts=(), args=()) -> int:
    """Inside `shared_lookups()`, read ahead what `querysets` and `parts` will
    ask for, in one statement per database, so that each is then answered
    without a query of its own. Outside the block it does nothing. Returns how
    many reads were sent.

    Only the first read-ahead of a block sends anything: it is the page's,
    and a part that reads ahead its own parts (the Progress panel's measure
    sources) is noted whole by it.

    Each part is a function that only reads (a page part), called as
    `part(*args)`. To note its reads it is first run on copies of `args` with
    nothing reaching the database: every SELECT it sends is noted and answered
    as empty, and anything else stops it (so it cannot write, nor keep what it
    saw). Reads that depend on what an earlier read found are not noted, and
    are asked as before when the part runs for real."""
    answers = _answers()
    memo = scoping._shared.get()
    if answers is None or _noting.get() is not None or memo.get(_DONE):
        # Outside a block; inside a part being noted, which notes these too; or
        # after the page's first read-ahead, which noted its parts' reads.
        return 0
    memo[_DONE] = True
    noted: list[tuple[tuple, object]] = []
    shared = scoping._shared.set(_memo_for_noting(scoping._shared.get()))
    noting = _noting.set(noted)
    try:
        for queryset in querysets:
            _note(lambda queryset=queryset: list(queryset.all()))
        if parts:
            copies = [_copy_for_noting(arg) for arg in args]
            for part in parts:
                _note(lambda part=part: part(*copies))
    finally:
        _noting.reset(noting)
        scoping._shared.reset(shared)
    plans: dict[str, list[_Plan]] = {}
    seen = set(answers)
    for key, compiler in noted:
        if key in seen:
            continue
        seen.add(key)
        try:
            plans.setdefault(key[0], []).append(_Plan(key, compiler))
        except (EmptyResultSet, FullResultSet, _NotReadable):
            continue  # not through JSON: asked as before
    read = 0
    for db, group in plans.items():
        sql = "SELECT " + ", ".join(plan.column_sql() for plan in group)
        params = [param for plan in group for param in plan.params]
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchone()
        for plan, text in zip(group, found, strict=True):
            answers[plan.key] = plan.rows(text)
            read += 1
    return read


_noting: ContextVar[list | None] = ContextVar("pathfinder_read_ahead_noting", default=None)
_original_execute_sql = sql_compiler.SQLCompiler.execute_sql


def _execute_sql(self, result_type=MULTI, chunked_fetch=False, chunk_size=sql_compiler.GET_ITERATOR_CHUNK_SIZE):
    if result_type in (MULTI, SINGLE):
        noted = _noting.get()
        answers = _answers()
        if answers or noted is not None:
            try:
                sql, params = self.as_sql()
            except EmptyResultSet:
                sql = None
            if sql:
                key = (self.connection.alias, sql, tuple(params))
                rows = answers.get(key) if answers else None
                if rows is None and noted is not None:
                    noted.append((key, self))
                    rows = []
                if rows is not None:
                    if result_type == SINGLE:
                        return rows[0][: self.col_count] if rows else None
                    if self.has_extra_select:
                        rows = [row[: self.col_count] for row in rows]
                    return [rows]
    return _original_execute_sql(self, result_type, chunked_fetch, chunk_size)


def install() -> None:
    """Let Django's compiler take rows read ahead (called once, from CoreConfig.ready)."""
    sql_compiler.SQLCompiler.execute_sql = _execute_sql
