"""The session store: Django's database sessions, remembering when the
loaded session was due to expire, so a page that only reads need not write
the session back just to push its expiry on by a few seconds (see
core.middleware.SessionMiddleware)."""

from django.contrib.sessions.backends import db
from django.utils import timezone

# A reading page refreshes the 30-minute idle limit only once this much of it
# has passed, so the limit is between 29 and 30 minutes after the last page.
REFRESH_AFTER_SECONDS = 60


class SessionStore(db.SessionStore):
    loaded_expiry = None

    def _get_session_from_db(self):
        found = super()._get_session_from_db()
        self.loaded_expiry = found.expire_date if found is not None else None
        return found

    def recently_refreshed(self) -> bool:
        """Whether the stored expiry was set within the last minute."""
        if self.loaded_expiry is None:
            return False
        left = (self.loaded_expiry - timezone.now()).total_seconds()
        return left > self.get_expiry_age() - REFRESH_AFTER_SECONDS
