"""Session limits and the two-step verification requirement."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from pathfinder.accounts import kept
from pathfinder.accounts.models import UserSession, follow_session_key
from pathfinder.accounts.services import has_two_step
from pathfinder.accounts.signals import LOGIN_AT, MFA_OK
from pathfinder.core.forms_presenter import restored

IDLE_MESSAGE = "You were signed out after 30 minutes without activity, to keep people's records safe."
KEPT_MESSAGE = (
    " Nothing you sent has been saved yet, but we have kept what you typed: "
    "sign in again and we will put it back in the form for you to check and send."
)
ABSOLUTE_MESSAGE = (
    "You have been signed in for 12 hours, so we signed you out to keep things safe. Please sign in again."
)


def _redirect_with_message(request, to: str, text: str):
    messages.info(request, text)
    return redirect(to)


class SessionLimitsMiddleware:
    """End a session 12 hours after sign-in, however active it has been.

    The 30-minute idle limit is the session's own expiry (SESSION_COOKIE_AGE,
    saved on every request). Either way, a form sent after the end is refused
    as before, but what was typed is kept (accounts/kept.py) and put back
    after signing in again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key_before = request.session.session_key
        response = self._restore(request)
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
                user = request.user
                logout(request)
                if kept.keep(request, user) is not None:
                    return _redirect_with_message(
                        request, kept.sign_in_url(kept.page_of(request)), ABSOLUTE_MESSAGE + KEPT_MESSAGE
                    )
                return _redirect_with_message(request, settings.LOGIN_URL, ABSOLUTE_MESSAGE)
        return self.get_response(request)

    def _restore(self, request):
        """On the page a kept submission came from, put it back in the form once."""
        if request.method != "GET" or not request.user.is_authenticated or not request.session.get(kept.SESSION_FLAG):
            return self._limit(request)
        submission = kept.for_page(request.user, request.path)
        if submission is None:
            if not kept.has_any(request.user):
                del request.session[kept.SESSION_FLAG]
            return self._limit(request)
        request.kept_submission = submission
        token = restored.set(submission.values())
        try:
            response = self._limit(request)
        finally:
            restored.reset(token)
        if response.status_code == 200:
            submission.delete()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Someone whose session ended while they were away: say why they
        must sign in again and, if they were sending a form, keep it."""
        stale_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if (
            not stale_key
            or request.user.is_authenticated
            or request.session.session_key
            or not getattr(view_func, "login_required", True)
        ):
            return None
        stale = UserSession.objects.filter(session_key=stale_key).select_related("user").first()
        if stale is None:
            return None
        # The session is over: its key must not find the account again.
        stale.delete()
        if kept.keep(request, stale.user) is not None:
            return _redirect_with_message(request, kept.sign_in_url(kept.page_of(request)), IDLE_MESSAGE + KEPT_MESSAGE)
        messages.info(request, IDLE_MESSAGE + " Please sign in again.")
        return None


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
            # People who hold a 'This is me' profile choose whether to add a second step.
            and not request.user.is_person
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
