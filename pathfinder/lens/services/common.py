"""What the lens services share: the calm refusal, audit kinds, labels."""

from pathfinder.lens.models import (
    LensEvent,
    NoteKind,
    ParticipantKind,
)

Status = LensEvent.Status

# Audit kinds this app writes (to be added to core's AuditEvent.Kind).
EVENT_CREATED = "lens.event_created"
EVENT_OPENED = "lens.event_opened"
EVENT_CLOSED = "lens.event_closed"
EVENT_REOPENED = "lens.event_reopened"
STAGE_RETIRED = "lens.stage_retired"
STAGE_DELETED = "lens.stage_deleted"
PARTICIPANT_ADDED = "lens.participant_added"
PARTICIPANT_REMOVED = "lens.participant_removed"
REIMBURSEMENT_RECORDED = "lens.reimbursement_recorded"
REIMBURSEMENT_REMOVED = "lens.reimbursement_removed"
NOTE_CORRECTED = "lens.note_corrected"
NOTE_REMOVED = "lens.note_removed"
SUPPORT_RECORDED = "lens.support_recorded"

FINDING_KINDS = {NoteKind.WORKS_WELL: "strength", NoteKind.BARRIER: "barrier", NoteKind.IDEA: "idea"}
SHORT_KIND = {
    ParticipantKind.STAFF: "Staff member",
    ParticipantKind.PARTNER: "Partner",
    ParticipantKind.LIVED_EXPERIENCE: "Lived-experience adviser",
    ParticipantKind.OTHER: "Participant",
}


class NotNow(Exception):
    """The event, stage or group is not in a state that allows this."""


class OverAllowance(NotNow):
    pass
