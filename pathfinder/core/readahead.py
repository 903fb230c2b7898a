"""A page's reads in one statement (issue 15, goal 3: at most ten queries a page).

A page made of parts (the dashboard's panels) used to send one statement per
part. Each part now names the querysets it will read, under the keys it reads
them by with `scoping.once`; the page passes them all to `read_ahead` inside
`shared_lookups()`. They go to the database as one statement, each query's
rows coming back as one JSON column, and each key's list of results is kept
for `once` to answer when the part asks. The rows pass through Django's own
conversions (dates, decimals, select_related objects, annotations), as if
they had come from the cursor, and each query is compiled once, as before.

A query whose columns cannot come back through JSON exactly (binary data,
durations, or more columns than a database function takes) is left for the
part to ask as before. Nothing outlives the `shared_lookups()` block.
"""

import datetime
import json
import uuid
from contextvars import ContextVar
from decimal import Decimal

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models.sql import compiler as sql_compiler
from django.db.models.sql.constants import MULTI

from pathfinder.core import scoping

# Fewer than PostgreSQL's 100 arguments to a function (json_build_array) and
# SQLite's default 127 (json_array).
MAX_COLUMNS = 90
_UNSUPPORTED = {"BinaryField", "DurationField"}
_NUMBERS = {"FloatField", "DecimalField"}


def _internal_type(expression) -> str:
    try:
        field = expression.output_field
    except AttributeError:  # an expression with no output field: take it as text
        return "TextField"
    while getattr(field, "target_field", None) is not None and field.is_relation:
        field = field.target_field  # a foreign key holds what its target's column holds
    return field.get_internal_type()


class _Plan:
    """One queryset, compiled once: its SQL for the shared statement, and the
    compiler Django will read its rows with."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.db = queryset.db
        self.connection = connections[self.db]
        self.compiler = queryset.query.get_compiler(using=self.db)
        self.sql, self.params = self.compiler.as_sql(with_col_aliases=True)
        self.types = [_internal_type(column[0]) for column in self.compiler.select]
        self.names = [alias for (_expression, _sql, alias) in self.compiler.select]
        if len(self.types) > MAX_COLUMNS or _UNSUPPORTED & set(self.types) or not all(self.names):
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
        # Django compiled the inner SQL; every value in it is a parameter.
        if vendor == "postgresql":
            # As text, so numbers keep their exact digits (the driver would make floats of them).
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

    def results(self, rows: list[tuple]) -> list:
        """What iterating the queryset gives, made by Django from `rows`."""
        token = _given.set((self.queryset.query, self.compiler, rows))
        try:
            return list(self.queryset)
        finally:
            _given.reset(token)


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


class First:
    """A read whose answer is its first result, or None (as `queryset.first()`)."""

    def __init__(self, queryset):
        self.queryset = (queryset if queryset.ordered else queryset.order_by("pk"))[:1]


def evaluate(read):
    """What `read_ahead` keeps for a read (a queryset's list, or First's result), asked on its own."""
    if isinstance(read, First):
        return next(iter(read.queryset), None)
    return list(read)


def read_ahead(reads: dict) -> int:
    """Inside `shared_lookups()`, read every queryset of `reads` ({once key:
    queryset, or First(queryset)}) whose key is not answered yet, in one
    statement per database, and keep the list of its results (or the first
    result, or None) under its key, for `once` to answer. Outside the block it
    does nothing. Returns how many were read together."""
    memo = scoping._shared.get()
    if memo is None:
        return 0
    plans: dict[str, list[tuple[tuple, _Plan, bool]]] = {}
    for key, queryset in reads.items():
        if key in memo:
            continue
        first = isinstance(queryset, First)
        try:
            plan = _Plan(queryset.queryset if first else queryset)
        except EmptyResultSet:
            memo[key] = None if first else []  # what Django gives for a query that cannot match anything
            continue
        except (FullResultSet, _NotReadable):
            continue  # left for the part to ask as before
        plans.setdefault(plan.db, []).append((key, plan, first))
    read = 0
    for db, group in plans.items():
        sql = "SELECT " + ", ".join(plan.column_sql() for _key, plan, _first in group)
        params = [param for _key, plan, _first in group for param in plan.params]
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchone()
        for (key, plan, first), text in zip(group, found, strict=True):
            results = plan.results(plan.rows(text))
            memo[key] = (results[0] if results else None) if first else results
            read += 1
    return read


# (query, compiler that compiled it, its rows) while Django makes a queryset's results from them.
_given: ContextVar[tuple | None] = ContextVar("pathfinder_read_ahead_given", default=None)
_original_execute_sql = sql_compiler.SQLCompiler.execute_sql


def _execute_sql(self, result_type=MULTI, chunked_fetch=False, chunk_size=sql_compiler.GET_ITERATOR_CHUNK_SIZE):
    given = _given.get()
    if given is not None and result_type == MULTI and self.query is given[0]:
        _query, compiled, rows = given
        # The state Django reads rows with (columns, related objects, annotations), as compiled once.
        self.__dict__.update(compiled.__dict__)
        if self.has_extra_select:
            rows = [row[: self.col_count] for row in rows]
        return [rows]
    return _original_execute_sql(self, result_type, chunked_fetch, chunk_size)


def install() -> None:
    """Let Django's compiler take rows read ahead (called once, from CoreConfig.ready)."""
    sql_compiler.SQLCompiler.execute_sql = _execute_sql
