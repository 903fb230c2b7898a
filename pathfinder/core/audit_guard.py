"""Let the database refuse to delete audit events, except during `flush`.

PostgreSQL's row trigger does not fire for TRUNCATE, which `flush` uses. SQLite
has no TRUNCATE: `flush` deletes row by row, so its trigger asks this SQL
function whether a flush is running (see migration 0009). A connection that
lacks the function, such as the sqlite3 shell, cannot delete at all.
"""

from contextlib import contextmanager

SQL_FUNCTION = "pathfinder_audit_erasable"
_erasing = False


@contextmanager
def erasing():
    global _erasing
    _erasing = True
    try:
        yield
    finally:
        _erasing = False


def _erasable() -> int:
    return int(_erasing)


def register_sql_function(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 0, _erasable)
