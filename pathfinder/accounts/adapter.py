from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.exceptions import ValidationError

from pathfinder.accounts.signals import record_failed_sign_in
from pathfinder.core import crypto


class AccountAdapter(DefaultAccountAdapter):
    """People join by invitation only, so there is no open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # django-allauth answers a reset request for an unknown address with an
        # e-mail inviting the person to sign up, on a page that is switched off.
        # Sending nothing also stops anyone using the form to e-mail strangers.
        if template_prefix == "account/email/unknown_account":
            return
        super().send_mail(template_prefix, email, context)

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
