from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html

from pathfinder.accounts.services import session_end
from pathfinder.core.permissions import service_count


def pathfinder(request) -> dict:
    user = getattr(request, "user", None)
    # Django's Jinja2 backend masks the CSRF token afresh for every form on a
    # page (32 random characters each); as its own template language does,
    # work it out once a page and give every form the same one.
    token = SimpleLazyObject(lambda: get_token(request))
    return {
        "csrf_token": token,
        "csrf_input": SimpleLazyObject(
            lambda: format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', str(token))
        ),
        "require_mfa": settings.PATHFINDER_REQUIRE_MFA,
        # Called only by pages that show the service bar; cached per request.
        "service_count": lambda: service_count(user) if user is not None else 0,
        # When the session will end, shown in the page furniture (and counted
        # down by session-timeout.js), and what was put back after signing in.
        "session_end": session_end(request) if user is not None else None,
        "kept_submission": getattr(request, "kept_submission", None),
    }
