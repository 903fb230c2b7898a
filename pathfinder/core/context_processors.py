from django.conf import settings


def pathfinder(request) -> dict:
    return {"require_mfa": settings.PATHFINDER_REQUIRE_MFA}
