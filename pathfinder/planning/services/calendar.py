"""Calendar feeds: a secret address per person that calendar apps can read
without signing in. Only a hash of the token is stored; a new address revokes
the old one, and a revoked address answers 404."""

import secrets

from django.db import transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.services import hash_token
from pathfinder.planning.models import Action, CalendarFeed


def active_feed(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at=None).first()


@transaction.atomic
def new_feed(user) -> str:
    """A new secret address for `user` (any earlier one stops working).
    Returns the token: it is shown once and cannot be recovered."""
    revoke(user, quietly=True)
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.create(user=user, token_hash=hash_token(token))
    audit.record("plan.calendar_feed_created", actor=user)
    return token


def revoke(user, *, quietly: bool = False) -> int:
    revoked = CalendarFeed.objects.filter(user=user, revoked_at=None).update(revoked_at=timezone.now())
    if revoked and not quietly:
        audit.record("plan.calendar_feed_revoked", actor=user)
    return revoked


def feed_owner(token: str):
    """The person a live token belongs to, or None (unknown, revoked, or an
    account that has been disabled)."""
    if not token or len(token) > 100:
        return None
    feed = CalendarFeed.objects.filter(token_hash=hash_token(token), revoked_at=None).select_related("user").first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def feed_actions(user):
    """Open actions the person owns, in services where they are still a member."""
    return (
        Action.objects.filter(owner__user=user, owner__is_active=True)
        .exclude(status=Action.Status.DONE)
        .select_related("programme")
        .order_by("due_on", "id")
    )
