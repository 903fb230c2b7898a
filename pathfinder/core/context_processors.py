from django.conf import settings

from pathfinder.accounts.services import session_end
from pathfinder.core.permissions import service_count


def pathfinder(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "require_mfa": settings.PATHFINDER_REQUIRE_MFA,
        # Called only by pages that show the service bar; cached per request.
        "service_count": lambda: service_count(user) if user is not None else 0,
        # When the session will end, shown in the page furniture (and counted
        # down by session-timeout.js), and what was put back after signing in.
        "session_end": session_end(request) if user is not None else None,
        "kept_submission": getattr(request, "kept_submission", None),
    }
