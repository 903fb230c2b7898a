"""The event itself: setting it up, opening and closing it, its groups, the
people taking part and the record of thanks (vouchers)."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from pathfinder.core import audit, dates
from pathfinder.core.concurrency import save_if_current
from pathfinder.lens import wording
from pathfinder.lens.models import (
    EventGroup,
    EventParticipant,
    Journey,
    JourneyNote,
    LensEvent,
    ParticipantKind,
    Reimbursement,
    Vignette,
)
from pathfinder.lens.services.common import (
    EVENT_CLOSED,
    EVENT_CREATED,
    EVENT_OPENED,
    EVENT_REOPENED,
    PARTICIPANT_ADDED,
    PARTICIPANT_REMOVED,
    REIMBURSEMENT_RECORDED,
    REIMBURSEMENT_REMOVED,
    SHORT_KIND,
    SUPPORT_RECORDED,
    NotNow,
    Status,
)

# The event ---------------------------------------------------------------------

SUPPORT_FIELDS = ["quiet_space", "support_person", "what_to_expect", "stepping_out", "thanks"]
DETAIL_FIELDS = ["title", "held_on", "starts_at", "place", "agenda", "facilitator_notes", "votes_each"]
LEAFLET_FIELDS = ["leaflet_intro", "leaflet_progress", "leaflet_feedback", "leaflet_contact"]


@transaction.atomic
def create_event(*, programme, title: str, held_on=None, place: str = "", by) -> LensEvent:
    # The service's contact details carry over from its last event, so they are typed once.
    previous = (
        LensEvent._default_manager.filter(programme__service=programme.service)
        .exclude(leaflet_contact="")
        .order_by("-created_at", "-id")
        .values_list("leaflet_contact", flat=True)
        .first()
    )
    event = LensEvent._default_manager.create(
        leaflet_contact=previous or "",
        programme=programme,
        title=title,
        held_on=held_on,
        place=place,
        agenda=wording.AGENDA,
        facilitator_notes=wording.FACILITATOR_NOTES,
        quiet_space=wording.QUIET_SPACE,
        support_person=wording.SUPPORT_PERSON,
        what_to_expect=wording.WHAT_TO_EXPECT,
        stepping_out=wording.STEPPING_OUT,
        thanks=wording.THANKS,
        leaflet_intro=wording.LEAFLET_INTRO,
        leaflet_feedback=wording.LEAFLET_FEEDBACK,
        created_by=by,
    )
    audit.record(EVENT_CREATED, actor=by, service=programme.service, target=event)
    return event


@transaction.atomic
def update_event(event: LensEvent, *, version: int, **fields) -> None:
    """Details, support arrangements or leaflet words. Raises StaleEdit."""
    for name, value in fields.items():
        setattr(event, name, value)
    save_if_current(event, version, list(fields))


def _move(event: LensEvent, *, version: int, to: str, allowed_from: set[str], message: str) -> None:
    if event.status not in allowed_from:
        raise NotNow(message)
    event.status = to
    now = timezone.now()
    fields = ["status"]
    if to == Status.OPEN:
        event.opened_at = event.opened_at or now
        event.closed_at = None
        fields += ["opened_at", "closed_at"]
    if to == Status.CLOSED:
        event.closed_at = now
        fields.append("closed_at")
    save_if_current(event, version, fields)


@transaction.atomic
def open_event(event: LensEvent, *, version: int, by) -> None:
    if not event.groups.exists():
        raise NotNow("Add at least one group, with its two fictional people, before opening the event.")
    _move(event, version=version, to=Status.OPEN, allowed_from={Status.DRAFT}, message="The event is already open.")
    audit.record(EVENT_OPENED, actor=by, service=event.programme.service, target=event)


def refuse_close_before_the_day(event: LensEvent) -> None:
    """An event cannot be closed before the day it is held (core.dates)."""
    if not dates.has_happened(event.held_on, today=timezone.localdate()):
        raise NotNow(
            f"The event's date, {dates.long_date(event.held_on)}, has not come yet, so it cannot be closed. "
            "If it was held on another day, change the date in the event details first."
        )


@transaction.atomic
def close_event(event: LensEvent, *, version: int, by) -> None:
    refuse_close_before_the_day(event)
    _move(event, version=version, to=Status.CLOSED, allowed_from={Status.OPEN}, message="The event is not open.")
    audit.record(EVENT_CLOSED, actor=by, service=event.programme.service, target=event)


@transaction.atomic
def reopen_event(event: LensEvent, *, version: int, by) -> None:
    _move(event, version=version, to=Status.OPEN, allowed_from={Status.CLOSED}, message="The event is not closed.")
    audit.record(EVENT_REOPENED, actor=by, service=event.programme.service, target=event)


def refuse_if_closed(event: LensEvent) -> None:
    if event.is_closed:
        raise NotNow("The event is closed, so this can no longer be changed. Reopen it first if you need to.")


# Groups ------------------------------------------------------------------------


def _check_pair(vignettes: list[Vignette]) -> None:
    if len(vignettes) != 2 or vignettes[0].pk == vignettes[1].pk:
        raise NotNow("Choose two different fictional people for the group.")


@transaction.atomic
def add_group(event: LensEvent, *, name: str, tier: str, vignettes: list[Vignette]) -> EventGroup:
    refuse_if_closed(event)
    _check_pair(vignettes)
    last = event.groups.aggregate(last=Max("position"))["last"] or 0
    group = EventGroup._default_manager.create(event=event, position=last + 1, name=name, tier=tier)
    Journey._default_manager.bulk_create(
        [Journey(group=group, vignette=vignette, position=number) for number, vignette in enumerate(vignettes, 1)]
    )
    return group


@transaction.atomic
def change_group(group: EventGroup, *, name: str, tier: str, vignettes: list[Vignette]) -> None:
    """A journey that already has notes keeps its fictional person."""
    refuse_if_closed(group.event)
    _check_pair(vignettes)
    journeys = list(group.journeys.select_for_update().order_by("position"))
    for journey, vignette in zip(journeys, vignettes, strict=False):
        if journey.vignette_id != vignette.pk:
            if journey.notes.exists():
                raise NotNow(
                    f"{journey.vignette.name}'s journey already has notes, so {journey.vignette.name} stays in "
                    "this group. Nothing was changed."
                )
            Journey._default_manager.filter(pk=journey.pk).update(vignette=vignette)
    EventGroup._default_manager.filter(pk=group.pk).update(name=name, tier=tier)


@transaction.atomic
def remove_group(group: EventGroup) -> None:
    refuse_if_closed(group.event)
    if JourneyNote._default_manager.filter(journey__group=group).exists():
        raise NotNow(f"{group.name} already has notes on its journeys, so it stays. Nothing was removed.")
    group.delete()


# Participants and thanks ---------------------------------------------------------


def kind_for_role(role: str) -> str:
    return {
        "lived_experience": ParticipantKind.LIVED_EXPERIENCE,
        "partner": ParticipantKind.PARTNER,
    }.get(role, ParticipantKind.STAFF)


@transaction.atomic
def add_members(event: LensEvent, memberships, *, group=None, by) -> int:
    already = set(event.participants.filter(membership__isnull=False).values_list("membership_id", flat=True))
    added = 0
    for membership in memberships:
        if membership.pk in already:
            continue
        EventParticipant._default_manager.create(
            event=event, membership=membership, kind=kind_for_role(membership.role), group=group
        )
        added += 1
    if added:
        audit.record(PARTICIPANT_ADDED, actor=by, service=event.programme.service, target=event, people=added)
    return added


@transaction.atomic
def add_guest(event: LensEvent, *, kind: str, label: str = "", group=None, by) -> EventParticipant:
    """Someone without a Pathfinder account. Without a name typed by the lead,
    they get a label such as "Partner 2"."""
    LensEvent._default_manager.select_for_update().filter(pk=event.pk).first()
    if not label.strip():
        count = event.participants.filter(kind=kind).count()
        label = f"{SHORT_KIND[kind]} {count + 1}"
    participant = EventParticipant._default_manager.create(event=event, kind=kind, label=label.strip(), group=group)
    audit.record(PARTICIPANT_ADDED, actor=by, service=event.programme.service, target=event, people=1)
    return participant


SUPPORT_FLAGS = ["met_beforehand", "support_offered", "debrief_offered"]


@transaction.atomic
def update_participant(
    participant: EventParticipant, *, version: int, kind: str, group, label: str, support=None, by=None
) -> None:
    """`support` ({flag: bool}) records the support given to someone taking part
    with lived experience; the activity log notes that it changed."""
    participant.kind, participant.group = kind, group
    fields = ["kind", "group"]
    if participant.membership_id is None:
        participant.label = label.strip() or participant.label
        fields.append("label")
    changed = False
    if support is not None:
        for flag in SUPPORT_FLAGS:
            value = bool(support.get(flag, False))
            changed = changed or getattr(participant, flag) != value
            setattr(participant, flag, value)
        fields += SUPPORT_FLAGS
    save_if_current(participant, version, fields)
    if changed:
        event = participant.event
        audit.record(
            SUPPORT_RECORDED,
            actor=by,
            service=event.programme.service,
            target=event,
            participant=participant.pk,
            **{flag: getattr(participant, flag) for flag in SUPPORT_FLAGS},
        )


@transaction.atomic
def remove_participant(participant: EventParticipant, *, by) -> None:
    if participant.reimbursements.exists():
        raise NotNow(
            "This person has a record of thanks (a voucher), so they stay on the list. "
            "Remove the voucher record first if it was a mistake."
        )
    event = participant.event
    participant.delete()
    audit.record(PARTICIPANT_REMOVED, actor=by, service=event.programme.service, target=event)


@transaction.atomic
def record_reimbursement(
    participant: EventParticipant, *, voucher_type: str, amount: Decimal, given_on, by
) -> Reimbursement:
    amount = Decimal(str(amount))
    if amount < 0:
        raise NotNow("The amount cannot be less than £0.")
    record = Reimbursement._default_manager.create(
        participant=participant, voucher_type=voucher_type, amount=amount, given_on=given_on, recorded_by=by
    )
    audit.record(
        REIMBURSEMENT_RECORDED,
        actor=by,
        service=participant.event.programme.service,
        target=participant.event,
        amount=str(amount),
    )
    return record


@transaction.atomic
def remove_reimbursement(record: Reimbursement, *, by) -> None:
    event = record.participant.event
    record.delete()
    audit.record(REIMBURSEMENT_REMOVED, actor=by, service=event.programme.service, target=event)
