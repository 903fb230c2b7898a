"""Calendar feeds: a secret address per person that calendar apps can read
without signing in. Only a hash of the token is stored; a new address revokes
the old one, and a revoked address answers 404. The feed holds the person's
open actions, their implementation group's meetings, and dates other tools
register (lens events) through programmes.registry."""

import secrets

from django.db import transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.services import hash_token
from pathfinder.planning import ical
from pathfinder.planning.models import Action, CalendarFeed, GroupMember, Meeting
from pathfinder.planning.services.group import next_meeting_date
from pathfinder.programmes.registry import calendar_sources


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


def _group_programmes(user):
    """Programmes whose implementation group the person is in (still a member)."""
    rows = GroupMember.objects.filter(membership__user=user, membership__is_active=True).select_related("programme")
    return {row.programme_id: row.programme for row in rows}


def feed_events(user, host: str) -> list[ical.Event]:
    """Everything in the person's feed. Titles and dates only: calendar apps
    copy them to other devices."""
    events = [
        ical.Event(uid=f"action-{action.pk}-due@{host}", day=action.due_on, summary=f"Due: {action.title}")
        for action in feed_actions(user)
    ]
    programmes = _group_programmes(user)
    meetings = Meeting.objects.filter(programme_id__in=programmes, working_group=None).order_by("held_on", "id")
    events += [
        ical.Event(uid=f"meeting-{meeting.pk}@{host}", day=meeting.held_on, summary="Implementation group meeting")
        for meeting in meetings
    ]
    for programme in programmes.values():
        # Only once a meeting has been held: before that the date would move every day.
        if any(meeting.programme_id == programme.pk for meeting in meetings):
            events.append(
                ical.Event(
                    uid=f"programme-{programme.pk}-next-meeting@{host}",
                    day=next_meeting_date(programme),
                    summary="Next implementation group meeting (expected)",
                    description="The date the group's charter suggests. Check with the programme lead.",
                )
            )
    for source in calendar_sources():
        events += [
            ical.Event(uid=f"{entry.uid}@{host}", day=entry.day, summary=entry.summary, description=entry.description)
            for entry in source.entries(user)
        ]
    return events
