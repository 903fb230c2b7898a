import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.exceptions import ValidationError

from pathfinder.accounts.signals import record_failed_sign_in
from pathfinder.core import crypto


class AccountAdapter(DefaultAccountAdapter):
    """People join by invitation only, so there is no open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Sensitive changes (such as two-step verification) need a recent
        password. Someone who typed it in the last few minutes to sign in is
        not asked again: repeating it straight away only adds friction."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        if request is None or not request.user.is_authenticated:
            return True
        window = account_settings.REAUTHENTICATION_TIMEOUT
        records = get_authentication_records(request, request.user)
        return not any(time.time() - record.get("at", 0) < window for record in records)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed sign-ins are counted per address *and* client (the
        "login_failed" limit), so a stranger guessing someone's password pauses
        only their own client, never the person's."""
        return f"{self._account_key(request, **credentials)}|{ratelimit.get_ip(request)}"

    def _account_key(self, request, **credentials) -> str:
        """The address alone. django-allauth puts the request's host in front of it,
        and the host (with any port) comes from the client: varying it, or reaching
        two servers by different names, would start a fresh count each time."""
        return (credentials.get("email") or credentials.get("username") or "").lower()

    def pre_authenticate(self, request, **credentials) -> None:
        """Also count failures for the address from every client together
        ("login_failed_account"): a much higher limit over a short window,
        which only slows a guessing run spread over many clients.

        Attempts refused by the rate limit never reach the password check,
        so Django sends no user_login_failed for them: record them here, or a
        guessing run would vanish from the audit log."""
        try:
            super().pre_authenticate(request, **credentials)
            usage = ratelimit.consume(
                request,
                app="allauth.account",
                action="login_failed_account",
                key=self._account_key(request, **credentials),
            )
            if not usage:
                self._rollback_login_failed_rl_usage()
                raise self.validation_error("too_many_login_attempts")
            # A successful sign-in rolls back both counts together.
            self._login_failed_rl_usage.usage.extend(usage.usage)
        except ValidationError:
            record_failed_sign_in(credentials, throttled=True)
            raise

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        """A completed password reset lifts the account-wide count as well."""
        super()._delete_login_attempts_cached_email(request, **credentials)
        ratelimit.clear(
            request, app="allauth.account", action="login_failed_account", key=self._account_key(request, **credentials)
        )


class MFAAdapter(DefaultMFAAdapter):
    """Authenticator secrets are encrypted at rest with the service's keys."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
