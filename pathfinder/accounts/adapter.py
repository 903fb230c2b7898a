import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
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

    def pre_authenticate(self, request, **credentials) -> None:
        """Attempts refused by the rate limit never reach the password check,
        so Django sends no user_login_failed for them: record them here, or a
        guessing run would vanish from the audit log after five tries."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            record_failed_sign_in(credentials, throttled=True)
            raise


class MFAAdapter(DefaultMFAAdapter):
    """Authenticator secrets are encrypted at rest with the service's keys."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
