"""What happens in the room: notes at each stage, areas for improvement, votes
within the allowance, and findings for the implementation plan (once each)."""

from django.db import transaction

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.lens.models import (
    EventParticipant,
    Journey,
    JourneyNote,
    LensEvent,
    NoteKind,
    Priority,
    Stage,
    Vote,
)
from pathfinder.lens.services.common import (
    FINDING_KINDS,
    NOTE_CORRECTED,
    NOTE_REMOVED,
    NotNow,
    OverAllowance,
    Status,
)
from pathfinder.lens.services.events import refuse_if_closed
from pathfinder.programmes import services as programme_services
from pathfinder.programmes.domain import Principle

# Notes -------------------------------------------------------------------------


@transaction.atomic
def add_note(
    journey: Journey, stage: Stage, *, kind: str, text: str, principles: list[str], participant_kind: str = ""
) -> JourneyNote:
    """Add a note at one stage of one journey. The event must be open and the
    stage still on the pathway; checked under a lock, so a note cannot slip in
    as the event closes or the stage is removed."""
    event = LensEvent._default_manager.select_for_update().get(pk=journey.group.event_id)
    if event.status != Status.OPEN:
        raise NotNow(
            "The event has closed, so new notes cannot be added. What you wrote is still below, so you can copy it "
            "and send it to the lead."
            if event.status == Status.CLOSED
            else "The event has not started yet. Notes can be added once the lead opens it."
        )
    locked = Stage._default_manager.select_for_update().get(pk=stage.pk)
    if locked.retired_at is not None:
        raise NotNow(
            f"“{locked.name}” was taken off the pathway while you were writing, so the note was not added. "
            "What you wrote is still below: you can add it at another stage."
        )
    text = text.strip()
    if not text:
        raise NotNow("Write the note before adding it.")
    unknown = set(principles) - set(Principle.values)
    if unknown or not principles:
        raise NotNow("Choose at least one of the five principles.")
    if kind not in NoteKind.values:
        raise NotNow("Choose whether this works well, is a barrier or is an idea.")
    return JourneyNote._default_manager.create(
        journey=journey,
        stage=locked,
        kind=kind,
        text=text,
        principles=[value for value in Principle.values if value in principles],
        participant_kind=participant_kind,
    )


def _note_finding(note: JourneyNote, event_id: int):
    from pathfinder.programmes.models import Finding

    return Finding._default_manager.filter(source_type="lens", source_id=note_source_id(note, event_id)).first()


def _note_finding_text(note: JourneyNote) -> str:
    return f"{note.text} (At “{note.stage.name}”, in {note.journey.vignette.name}'s journey.)"


@transaction.atomic
def correct_note(
    note: JourneyNote, *, kind: str, text: str, principles: list[str], participant_kind: str = "", by
) -> None:
    """The facilitator corrects a note, for example to take out a name. Allowed
    while the event is open or closed; a finding made from the note is
    corrected with it. The activity log records that it changed, never the words."""
    event = (
        LensEvent._default_manager.select_for_update()
        .select_related("programme__service")
        .get(pk=note.journey.group.event_id)
    )
    text = text.strip()
    if not text:
        raise NotNow("Write the note, or remove it instead.")
    unknown = set(principles) - set(Principle.values)
    if unknown or not principles:
        raise NotNow("Choose at least one of the five principles.")
    if kind not in NoteKind.values:
        raise NotNow("Choose whether this works well, is a barrier or is an idea.")
    note.kind, note.text, note.participant_kind = kind, text, participant_kind
    note.principles = [value for value in Principle.values if value in principles]
    note.save(update_fields=["kind", "text", "principles", "participant_kind"])
    finding = _note_finding(note, event.pk)
    if finding is not None:
        type(finding)._default_manager.filter(pk=finding.pk).update(text=_note_finding_text(note))
    audit.record(
        NOTE_CORRECTED,
        actor=by,
        service=event.programme.service,
        target=event,
        note=note.pk,
        finding=finding.pk if finding is not None else None,
    )


@transaction.atomic
def remove_note(note: JourneyNote, *, by) -> None:
    """Removes the note and its words for good. A note that has become a
    finding stays: correct it instead, which corrects the finding too."""
    event = (
        LensEvent._default_manager.select_for_update()
        .select_related("programme__service")
        .get(pk=note.journey.group.event_id)
    )
    if _note_finding(note, event.pk) is not None:
        raise NotNow(
            "This note is already a finding in the implementation plan, so it stays. If it says something it "
            "should not, such as a name, correct it instead: the finding is corrected too."
        )
    pk = note.pk
    note.delete()
    audit.record(NOTE_REMOVED, actor=by, service=event.programme.service, target=event, note=pk)


# Priorities and votes ------------------------------------------------------------


@transaction.atomic
def add_priority(event: LensEvent, *, title: str, description: str = "", notes=()) -> Priority:
    refuse_if_closed(event)
    priority = Priority._default_manager.create(event=event, title=title.strip(), description=description.strip())
    priority.notes.set(notes)
    return priority


@transaction.atomic
def update_priority(priority: Priority, *, version: int, title: str, description: str, notes, room_votes: int) -> None:
    refuse_if_closed(priority.event)
    priority.title, priority.description, priority.room_votes = title.strip(), description.strip(), room_votes
    save_if_current(priority, version, ["title", "description", "room_votes"])
    priority.notes.set(notes)


@transaction.atomic
def remove_priority(priority: Priority) -> None:
    refuse_if_closed(priority.event)
    priority.delete()


def votes_used(participant: EventParticipant) -> int:
    return participant.votes.count()


@transaction.atomic
def cast_vote(priority: Priority, participant: EventParticipant) -> Vote:
    """One more vote for a priority, within the participant's allowance."""
    event = LensEvent._default_manager.select_for_update().get(pk=priority.event_id)
    if event.status != Status.OPEN:
        raise NotNow("Voting is not open at the moment, so your vote was not counted.")
    # Lock the participant's row so two quick clicks cannot both use the last vote.
    EventParticipant._default_manager.select_for_update().filter(pk=participant.pk).first()
    used = votes_used(participant)
    if used >= event.votes_each:
        raise OverAllowance(
            f"You have used all {event.votes_each} of your votes, so that one was not counted. "
            "You can take a vote back from one area and give it to another."
        )
    return Vote._default_manager.create(priority=priority, participant=participant)


@transaction.atomic
def take_back_vote(priority: Priority, participant: EventParticipant) -> bool:
    event = LensEvent._default_manager.select_for_update().get(pk=priority.event_id)
    if event.status != Status.OPEN:
        raise NotNow("Voting is not open at the moment, so nothing was changed.")
    vote = Vote._default_manager.filter(priority=priority, participant=participant).order_by("-id").first()
    if vote is None:
        return False
    vote.delete()
    return True


# Findings ----------------------------------------------------------------------


def note_source_id(note: JourneyNote, event_id: int) -> str:
    return f"{event_id}:note:{note.pk}"


def priority_source_id(priority: Priority) -> str:
    return f"{priority.event_id}:priority:{priority.pk}"


def _existing_finding(programme, source_id: str):
    from pathfinder.programmes.models import Finding

    return Finding._default_manager.filter(programme=programme, source_type="lens", source_id=source_id).first()


@transaction.atomic
def make_note_finding(note: JourneyNote, *, theme: str, by):
    """A strength, barrier or idea from the room becomes a finding (once)."""
    event = (
        LensEvent._default_manager.select_for_update()
        .select_related("programme__service")
        .get(pk=note.journey.group.event_id)
    )
    source_id = note_source_id(note, event.pk)
    already = _existing_finding(event.programme, source_id)
    if already is not None:
        return already, False
    finding = programme_services.add_finding(
        programme=event.programme,
        theme=theme,
        kind=FINDING_KINDS[note.kind],
        principles=note.principles,
        text=_note_finding_text(note),
        by=by,
        source_type="lens",
        source_id=source_id,
        source_label=f"{event.title}: {note.get_kind_display().lower()}",
    )
    audit.record(audit.Kind.FINDING_CREATED, actor=by, service=event.programme.service, target=finding, source="lens")
    return finding, True


@transaction.atomic
def make_priority_finding(priority: Priority, *, theme: str, by):
    event = (
        LensEvent._default_manager.select_for_update().select_related("programme__service").get(pk=priority.event_id)
    )
    source_id = priority_source_id(priority)
    already = _existing_finding(event.programme, source_id)
    if already is not None:
        return already, False
    principles = {value for note in priority.notes.all() for value in note.principles}
    text = priority.title + (f": {priority.description}" if priority.description else "")
    finding = programme_services.add_finding(
        programme=event.programme,
        theme=theme,
        kind="priority",
        principles=principles,
        text=text,
        by=by,
        source_type="lens",
        source_id=source_id,
        source_label=f"{event.title}: priority",
    )
    audit.record(audit.Kind.FINDING_CREATED, actor=by, service=event.programme.service, target=finding, source="lens")
    return finding, True
