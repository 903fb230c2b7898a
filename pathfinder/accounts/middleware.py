"""Session limits and the two-step verification requirement."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from pathfinder.accounts.services import has_two_step
from pathfinder.accounts.signals import LOGIN_AT, MFA_OK


class SessionLimitsMiddleware:
    """End a session 12 hours after sign-in, however active it has been.

    The 30-minute idle limit is the session's own expiry (SESSION_COOKIE_AGE,
    saved on every request).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            if started is None:
                request.session[LOGIN_AT] = time.time()
            elif time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, "You have been signed in for 12 hours, so we signed you out to keep things safe. Please sign in again.")
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


# Pages a signed-in person without two-step verification may still use.
_MFA_SETUP_PATHS = ("/accounts/", "/static/", "/health/")


class RequireTwoStepMiddleware:
    """When two-step verification is required, send people to set it up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PATHFINDER_REQUIRE_MFA
            and request.user.is_authenticated
            and not request.session.get(MFA_OK)
            and not request.path.startswith(_MFA_SETUP_PATHS)
        ):
            if has_two_step(request.user):
                request.session[MFA_OK] = True
            else:
                messages.info(request, "Before you go on, please set up two-step verification. It keeps the people in your service's records safe.")
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
