"""Session limits and the two-step verification requirement."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from pathfinder.accounts.models import follow_session_key
from pathfinder.accounts.services import has_two_step
from pathfinder.accounts.signals import LOGIN_AT, MFA_OK


def _redirect_with_message(request, to: str, text: str):
    messages.info(request, text)
    return redirect(to)


class SessionLimitsMiddleware:
    """End a session 12 hours after sign-in, however active it has been.

    The 30-minute idle limit is the session's own expiry (SESSION_COOKIE_AGE,
    saved on every request).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key_before = request.session.session_key
        response = self._limit(request)
        key_after = request.session.session_key
        if key_before and key_after and key_after != key_before and request.user.is_authenticated:
            # Django gives the session a new key when the password changes, so
            # follow it, or disabling the account could not find the session.
            follow_session_key(request.user, key_before, key_after)
        return response

    def _limit(self, request):
        if request.user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            if started is None:
                request.session[LOGIN_AT] = time.time()
            elif time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return _redirect_with_message(
                    request,
                    settings.LOGIN_URL,
                    "You have been signed in for 12 hours, so we signed you out to keep things safe. "
                    "Please sign in again.",
                )
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
                return _redirect_with_message(
                    request,
                    reverse("mfa_activate_totp"),
                    "Before you go on, please set up two-step verification. "
                    "It keeps the people in your service's records safe.",
                )
        return self.get_response(request)
