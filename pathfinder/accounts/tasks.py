"""Work done after the response, so how long a request takes reveals nothing."""

from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.tasks import task
from django.urls import reverse

from pathfinder.accounts.signals import fingerprint
from pathfinder.core import audit


@task()
def send_password_reset(*, email: str, site_url: str) -> None:
    """Look the address up and, if it has an active account, e-mail a reset
    link. The request that asked only queued this, whatever the address."""
    user = get_user_model()._default_manager.filter(email__iexact=email.strip(), is_active=True).first()
    # The address itself is not kept: a tag shows repeated requests for one address.
    audit.record(audit.Kind.PASSWORD_RESET_REQUESTED, target=user, attempted=fingerprint(email))
    if user is None:
        return
    uid = user_pk_to_url_str(user)
    key = account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": key})
    context = {"user": user, "email": user.email, "password_reset_url": site_url.rstrip("/") + path}
    get_adapter().render_mail("account/email/password_reset_key", user.email, context).send()
