from django.conf import settings

from pathfinder.core.permissions import roles_of


def pathfinder(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "require_mfa": settings.PATHFINDER_REQUIRE_MFA,
        # Called only by pages that show the service bar; cached per request.
        "service_count": lambda: len(roles_of(user)) if user is not None else 0,
    }
