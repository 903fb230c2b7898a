"""The session store: Django's database sessions, remembering when the
loaded session was due to expire, so a page that only reads need not write
the session back just to push its expiry on by a few seconds (see
core.middleware.SessionMiddleware)."""

from functools import cache

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

from pathfinder.core.rows import Converted, Statement, column, table

# A reading page refreshes the 30-minute idle limit only once this much of it
# has passed, so the limit is between 29 and 30 minutes after the last page.
REFRESH_AFTER_SECONDS = 60


_COLUMNS = ("session_key", "session_data", "expire_date")


def _write(connection) -> str:
    """What Session.objects.get(session_key=…, expire_date__gt=now) sends."""
    from django.contrib.sessions.models import Session

    key, data, expiry = (column(connection, Session, name) for name in _COLUMNS)
    return f"SELECT {key}, {data}, {expiry} FROM {table(connection, Session)} WHERE {key} = %s AND {expiry} > %s"  # noqa: S608 (names from the model, values as parameters)


_READ = Statement(_write)


@cache
def _converted(model) -> Converted:
    return Converted(model, _COLUMNS)


class SessionStore(db.SessionStore):
    loaded_expiry = None

    def _get_session_from_db(self):
        found = self._read()
        if found is None:
            self._session_key = None  # as Django's own store: a key that finds nothing is dropped
        self.loaded_expiry = found.expire_date if found is not None else None
        return found

    def _read(self):
        """The unexpired session with this key, or None, as Django's store
        reads it, with a statement written once (core/rows.py)."""
        if self.session_key is None:
            return None
        using = router.db_for_read(self.model)
        connection = connections[using]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(_READ.sql(connection), [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            return None
        return _converted(self.model).instance(row, using)

    def recently_refreshed(self) -> bool:
        """Whether the stored expiry was set within the last minute."""
        if self.loaded_expiry is None:
            return False
        left = (self.loaded_expiry - timezone.now()).total_seconds()
        return left > self.get_expiry_age() - REFRESH_AFTER_SECONDS
