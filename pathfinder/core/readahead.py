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

import datetime
import json
import uuid
from decimal import Decimal

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models.sql import compiler as sql_compiler
from django.db.models.sql.constants import MULTI

from pathfinder.core import scoping

_KEY = ("read-ahead",)
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
        return expression.output_field.get_internal_type()
    except AttributeError:  # an expression with no output field: take it as text
        return "TextField"


class _Plan:
    """One queryset, compiled: the key it will be asked by, and how to read it ahead."""

    def __init__(self, queryset):
        self.db = queryset.db
        self.connection = connections[self.db]
        plain = queryset.query.get_compiler(using=self.db)
        sql, params = plain.as_sql()
        self.key = (self.db, sql, tuple(params))
        aliased = queryset.query.get_compiler(using=self.db)
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
            return f"(SELECT json_agg(json_build_array({', '.join(columns)}))::text FROM ({self.sql}) t)"
        return f"(SELECT json_group_array(json_array({', '.join(columns)})) FROM ({self.sql}) t)"

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


def read_ahead(*querysets) -> int:
    """Inside `shared_lookups()`, read every queryset in one statement per
    database, so each is answered without a query of its own when it is
    iterated. Outside the block it does nothing. Returns how many were read."""
    answers = _answers()
    if answers is None:
        return 0
    plans: dict[str, list[_Plan]] = {}
    for queryset in querysets:
        try:
            plan = _Plan(queryset)
        except (EmptyResultSet, FullResultSet, _NotReadable):
            continue  # nothing to ask (Django answers an empty set itself), or not through JSON
        if plan.key not in answers:
            plans.setdefault(plan.db, []).append(plan)
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


_original_execute_sql = sql_compiler.SQLCompiler.execute_sql


def _execute_sql(self, result_type=MULTI, chunked_fetch=False, chunk_size=sql_compiler.GET_ITERATOR_CHUNK_SIZE):
    answers = _answers() if result_type == MULTI else None
    if answers:
        try:
            sql, params = self.as_sql()
        except EmptyResultSet:
            sql = None
        if sql:
            rows = answers.get((self.connection.alias, sql, tuple(params)))
            if rows is not None:
                if self.has_extra_select:
                    rows = [row[: self.col_count] for row in rows]
                return [rows]
    return _original_execute_sql(self, result_type, chunked_fetch, chunk_size)


def install() -> None:
    """Let Django's compiler take rows read ahead (called once, from CoreConfig.ready)."""
    sql_compiler.SQLCompiler.execute_sql = _execute_sql
