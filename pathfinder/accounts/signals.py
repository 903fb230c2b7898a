"""Audit sign-ins and keep track of sessions so they can be ended together."""

import hashlib
import hmac

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from pathfinder.accounts import kept
from pathfinder.accounts.models import User, UserSession, end_sessions
from pathfinder.core import audit

LOGIN_AT = "pf_login_at"
MFA_OK = "pf_mfa_ok"


def fingerprint(identifier: str) -> str:
    """A short one-way tag for an attempted sign-in name: lets a reviewer see
    repeated attempts on one address without storing the address itself.

    Keyed with the secret key: a plain hash of an address can be reversed by
    hashing a list of likely addresses."""
    key = ("pathfinder.accounts.fingerprint:" + settings.SECRET_KEY).encode()
    return hmac.new(key, identifier.strip().lower().encode(), hashlib.sha256).hexdigest()[:12]


@receiver(user_logged_in)
def on_sign_in(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    request.session[LOGIN_AT] = timezone.now().timestamp()
    if not request.session.session_key:
        request.session.save()
    UserSession.objects.get_or_create(session_key=request.session.session_key, defaults={"user": user})
    audit.record(audit.Kind.SIGN_IN, actor=user)
    if kept.has_any(user):
        # Put what they sent before being signed out back on its page.
        request.session[kept.SESSION_FLAG] = True


def record_failed_sign_in(credentials: dict, **detail) -> None:
    identifier = credentials.get("email") or credentials.get("username") or credentials.get("login") or ""
    account = get_user_model()._default_manager.filter(email__iexact=identifier.strip()).first() if identifier else None
    # Whoever typed the password is unknown: the account is what was tried, not who tried.
    attempted = fingerprint(identifier) if identifier else ""
    audit.record(audit.Kind.SIGN_IN_FAILED, target=account, attempted=attempted, **detail)


@receiver(user_login_failed)
def on_sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    record_failed_sign_in(credentials)


@receiver(user_logged_out)
def on_sign_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    if request is not None and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()
    audit.record(audit.Kind.SIGN_OUT, actor=user)


@receiver(pre_save, sender=User)
def on_user_disabled(sender, instance: User, **kwargs) -> None:
    if instance.pk is None or instance.is_active:
        return
    was_active = sender._default_manager.filter(pk=instance.pk, is_active=True).exists()
    if was_active:
        end_sessions(instance)
        audit.record(audit.Kind.USER_DISABLED, actor=getattr(instance, "_disabled_by", None), target=instance)


_MFA_CHANGES = {
    mfa_signals.authenticator_added: "added",
    mfa_signals.authenticator_removed: "removed",
    mfa_signals.authenticator_reset: "reset",
}


@receiver(mfa_signals.authenticator_added)
@receiver(mfa_signals.authenticator_removed)
@receiver(mfa_signals.authenticator_reset)
def on_mfa_changed(sender, signal, request, user, authenticator, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        # Ask again on the next request whether two-step verification is set up.
        request.session.pop(MFA_OK, None)
    # The target is the person: a removed authenticator has no id left to name.
    audit.record(audit.Kind.MFA_CHANGED, actor=user, target=user, type=authenticator.type, change=_MFA_CHANGES[signal])


@receiver(mfa_signals.authentication_failed)
def on_mfa_failed(sender, request, user, authenticator, **kwargs) -> None:
    # Never the code itself: only that one was not accepted.
    audit.record(audit.Kind.MFA_FAILED, target=user, type=authenticator.type)


@receiver(account_signals.password_changed)
def on_password_changed(sender, request, user, **kwargs) -> None:
    audit.record(audit.Kind.PASSWORD_CHANGED, actor=user, target=user)


@receiver(account_signals.password_reset)
def on_password_reset(sender, request, user, **kwargs) -> None:
    audit.record(audit.Kind.PASSWORD_RESET, target=user)
