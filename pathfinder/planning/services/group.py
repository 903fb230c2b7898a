"""State changes for the implementation group: members, charter versions,
meetings, reviewing actions, and the reminder before each meeting."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.core.links import absolute_url
from pathfinder.core.mail import send_mail
from pathfinder.planning.models import Action, ActionUpdate, Charter, GroupMember, Meeting
from pathfinder.planning.models.group import MEETS_EVERY_WEEKS
from pathfinder.planning.wording import long_date

REMINDER_DAYS = 3  # how many days before a meeting the reminder goes out
DONE = Action.Status.DONE


def add_member(*, programme, membership, role: str, by) -> GroupMember:
    member, _ = GroupMember.objects.update_or_create(
        programme=programme, membership=membership, defaults={"role": role}
    )
    audit.record("plan.group_changed", actor=by, service=programme.service, target=member, role=role)
    return member


def remove_member(member: GroupMember, *, by) -> None:
    audit.record("plan.group_changed", actor=by, service=member.programme.service, target=member, role="removed")
    member.delete()


def current_charter(programme) -> Charter | None:
    return programme.charters.order_by("-number").first()


@transaction.atomic
def new_charter_version(*, programme, based_on: int, by, **fields) -> Charter:
    """A new version, kept beside the older ones. `based_on` is the number of
    the version the person started from (0 for the first): if someone made a
    newer one meanwhile, StaleEdit carries it."""
    latest = current_charter(programme)
    if (latest.number if latest else 0) != based_on:
        raise StaleEdit(latest)
    try:
        with transaction.atomic():
            charter = Charter.objects.create(programme=programme, number=based_on + 1, created_by=by, **fields)
    except IntegrityError:
        raise StaleEdit(current_charter(programme)) from None
    audit.record("plan.charter_version", actor=by, service=programme.service, target=charter, number=charter.number)
    return charter


def next_meeting_date(programme, today=None):
    """Six weeks (or as the charter says) after the last meeting; two weeks
    from today for the first."""
    today = today or timezone.localdate()
    last = programme.group_meetings.filter(working_group=None).order_by("-held_on").first()
    if last is None:
        return today + timedelta(weeks=2)
    charter = current_charter(programme)
    weeks = charter.meets_every_weeks if charter else MEETS_EVERY_WEEKS
    return last.held_on + timedelta(weeks=weeks)


@transaction.atomic
def record_meeting(*, programme, by, attendees=(), **fields) -> Meeting:
    meeting = Meeting.objects.create(programme=programme, created_by=by, **fields)
    meeting.attendees.set(attendees)
    audit.record("plan.meeting_recorded", actor=by, service=programme.service, target=meeting)
    return meeting


@transaction.atomic
def edit_meeting(meeting: Meeting, *, version: int, by, attendees=None, **fields) -> None:
    for name, value in fields.items():
        setattr(meeting, name, value)
    save_if_current(meeting, version, list(fields))
    if attendees is not None:
        meeting.attendees.set(attendees)
    audit.record("plan.meeting_recorded", actor=by, service=meeting.programme.service, target=meeting)


@transaction.atomic
def review_actions(meeting: Meeting, actions, *, by) -> int:
    """Tick actions as reviewed at this meeting; each gets a line in its history."""
    already = set(meeting.reviewed_actions.values_list("pk", flat=True))
    new = [action for action in actions if action.pk not in already]
    meeting.reviewed_actions.add(*new)
    ActionUpdate.objects.bulk_create(
        [
            ActionUpdate(
                action=action,
                kind=ActionUpdate.Kind.REVIEWED,
                author=by,
                text=f"Reviewed at the {meeting.group_name} meeting on {long_date(meeting.held_on)}.",
                version=action.version,
                meeting=meeting,
            )
            for action in new
        ]
    )
    return len(new)


def actions_to_review(programme, meeting_date, today=None):
    """Open actions that are overdue, or due before the meeting after this one."""
    today = today or timezone.localdate()
    horizon = max(today, meeting_date) + timedelta(weeks=MEETS_EVERY_WEEKS)
    return (
        Action.objects.filter(programme=programme, due_on__lte=horizon)
        .exclude(status=DONE)
        .select_related("owner__user")
        .order_by("due_on", "id")
    )


def _recipients(programme, working_group=None) -> list:
    """The implementation group's members, or a working group's for its meetings."""
    if working_group is not None:
        people = [
            membership.user
            for membership in working_group.members.filter(is_active=True, user__is_active=True).select_related("user")
        ]
    else:
        members = GroupMember.objects.filter(
            programme=programme, membership__is_active=True, membership__user__is_active=True
        ).select_related("membership__user")
        people = [member.membership.user for member in members]
    return sorted({person.email: person for person in people}.values(), key=str)


def send_reminder(meeting: Meeting, *, by=None, today=None) -> int:
    """E-mail each group member the overdue actions before a meeting. Returns
    how many people it went to. The lead's button uses this too."""
    today = today or timezone.localdate()
    programme = meeting.programme
    people = _recipients(programme, meeting.working_group)
    if not people:
        return 0
    open_actions = (
        Action.objects.filter(programme=programme).exclude(status=DONE).select_related("owner__user").order_by("due_on")
    )
    overdue = [action for action in open_actions if action.due_on < today]
    due_before = [action for action in open_actions if today <= action.due_on <= meeting.held_on]
    link = absolute_url(reverse("plan_meeting", args=[meeting.pk]))
    context = {
        "meeting": meeting,
        "service": programme.service,
        "overdue": overdue,
        "due_before": due_before,
        "link": link,
        "long_date": long_date,
    }
    message = render_to_string("planning/email/reminder.txt", context)
    subject = f"{meeting.group_title} meeting on {long_date(meeting.held_on)}: actions to look at"
    for person in people:
        send_mail(subject=subject, message=message, from_email=None, recipient_list=[person.email])
    Meeting.objects.filter(pk=meeting.pk).update(reminder_sent_at=timezone.now())
    audit.record("plan.reminder_sent", actor=by, service=programme.service, target=meeting, people=len(people))
    return len(people)


def send_due_reminders(*, days: int = REMINDER_DAYS, today=None) -> list[tuple[Meeting, int]]:
    """Reminders for meetings in the next `days` days that have not had one.
    Each meeting is claimed before sending, so running twice (even at the same
    time) sends each reminder once."""
    today = today or timezone.localdate()
    sent = []
    due = Meeting.objects.filter(
        held_on__gte=today, held_on__lte=today + timedelta(days=days), reminder_sent_at=None
    ).select_related("programme__service", "working_group")
    for meeting in due:
        if not _recipients(meeting.programme, meeting.working_group):
            continue
        claimed = Meeting.objects.filter(pk=meeting.pk, reminder_sent_at=None).update(reminder_sent_at=timezone.now())
        if claimed:
            sent.append((meeting, send_reminder(meeting, today=today)))
    return sent
