"""Our versions of django-allauth's forms, where its behaviour is not ours."""

from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.utils import build_absolute_uri

from pathfinder.accounts.tasks import send_password_reset


class ResetPasswordForm(AllauthResetPasswordForm):
    """Queue the e-mail instead of sending it in the request: sending only for
    real accounts made their requests visibly slower."""

    def save(self, request, **kwargs) -> str:
        email = self.cleaned_data["email"]
        send_password_reset.enqueue(email=email, site_url=build_absolute_uri(request, "/"))
        return email
