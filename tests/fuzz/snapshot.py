"""What is stored, in a form that two moments can be compared by: for every
table, its row count and a digest of every row. A refused form must leave it
exactly as it was."""

import hashlib

from django.apps import apps
from django.db import connection

# Tables that change on any request, whatever the form did: the session (a
# message to show next) and audit events (reads are audited). The cache table,
# where throttling counts, is not a model and so never in the snapshot.
VOLATILE = {"django_session"}
VOLATILE_MODELS = {"core.auditevent"}


def _tables() -> list[str]:
    names = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower in VOLATILE_MODELS or model._meta.db_table in VOLATILE:
            continue
        if not model._meta.managed or model._meta.proxy:
            continue
        names.append(model._meta.db_table)
    return sorted(set(names))


def take() -> dict[str, tuple[int, str]]:
    if connection.vendor == "postgresql":
        return _take_in_one_query()
    state = {}
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")
            rows = cursor.fetchall()
            state[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return state


def changed(before: dict, after: dict) -> list[str]:
    return sorted(table for table in before.keys() | after.keys() if before.get(table) != after.get(table))


def _take_in_one_query() -> dict[str, tuple[int, str]]:
    """PostgreSQL: one round trip, the digest worked out by the server."""
    quote = connection.ops.quote_name
    parts = [
        f"SELECT %s, count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM {quote(table)} t"
        for table in _tables()
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), _tables())
        return {table: (count, digest) for table, count, digest in cursor.fetchall()}
