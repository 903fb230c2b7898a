"""API tokens: made by their owner, shown once, kept only as a hash, revocable,
with an expiry. A token acts as its owner: the API scopes every query to the
owner's memberships and permissions, as the pages do."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pathfinder.api.models import ApiToken
from pathfinder.core import audit
from pathfinder.core.services import hash_token

PREFIX = "pf_"
# How long a token may live, in days, as offered on the tokens page.
LIFETIMES = (30, 90, 365)
MAX_LIVE = 5  # live tokens per person


class TokenRefused(Exception):
    """Why a token was refused: `code` for programs, str() for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def tokens_of(user):
    return ApiToken.objects.filter(user=user)


def live_count(user, today=None) -> int:
    today = today or timezone.localdate()
    return tokens_of(user).filter(revoked_at=None, expires_on__gte=today).count()


@transaction.atomic
def new_token(user, *, name: str, days: int) -> tuple[ApiToken, str]:
    """A new token for `user`. Returns it and its secret, which is shown once."""
    if days not in LIFETIMES:
        raise ValueError(f"days must be one of {LIFETIMES}")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        prefix=secret[: len(PREFIX) + 6],
        token_hash=hash_token(secret),
        expires_on=timezone.localdate() + timedelta(days=days),
    )
    audit.record("api.token_created", actor=user, target=token, days=days)
    return token, secret


def revoke(user, pk: int) -> bool:
    token = tokens_of(user).filter(pk=pk, revoked_at=None).first()
    if token is None:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record("api.token_revoked", actor=user, target=token)
    return True


def owner(secret: str, today=None):
    """The person a token acts for, or TokenRefused saying why not."""
    today = today or timezone.localdate()
    if not secret or len(secret) > 100 or not secret.startswith(PREFIX):
        raise TokenRefused("token_unknown", "This API token is not one Pathfinder knows.")
    token = ApiToken.objects.filter(token_hash=hash_token(secret)).select_related("user").first()
    if token is None:
        raise TokenRefused("token_unknown", "This API token is not one Pathfinder knows.")
    if token.revoked_at is not None:
        raise TokenRefused("token_revoked", "This API token has been revoked. Make a new one on your account page.")
    if token.expires_on < today:
        raise TokenRefused("token_expired", "This API token has expired. Make a new one on your account page.")
    if not token.user.is_active:
        raise TokenRefused("account_disabled", "The account this API token belongs to has been disabled.")
    if token.last_used_on != today:
        ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
    return token
