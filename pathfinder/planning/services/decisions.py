"""Senior management's part in the plan: answering the decisions the plan
needs (asked on an action, or in a group meeting's 'decisions needed') and
signing off a version of the progress report. Both are recorded for good."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.planning.models import Action, ActionUpdate, Decision, Meeting, ProgressReport
from pathfinder.planning.wording import long_date


class NotNow(Exception):
    """The step cannot be taken in the record's present state (message says why)."""


@dataclass
class Needed:
    """One decision the plan needs, and its answer once there is one."""

    key: str  # "action-12" or "meeting-3-0" (the meeting's first line)
    where: str
    needed: str
    action: Action | None = None
    meeting: Meeting | None = None
    answer: Decision | None = None


def needed(actions, meetings, decisions) -> list[Needed]:
    """Every decision asked for: on actions that are not done, and on each line
    of a meeting's 'decisions needed'. An answer counts only for the question
    as it was when answered."""
    answers = {}
    for decision in sorted(decisions, key=lambda item: item.decided_at):
        answers[(decision.action_id, decision.meeting_id, decision.needed)] = decision
    items = []
    for action in actions:
        text = action.decision_needed.strip()
        if text and not action.is_done:
            items.append(
                Needed(
                    key=f"action-{action.pk}",
                    where=f"Action: {action.title}",
                    needed=text,
                    action=action,
                    answer=answers.get((action.pk, None, text)),
                )
            )
    for meeting in meetings:
        for number, line in enumerate(meeting.decisions_needed_list):
            items.append(
                Needed(
                    key=f"meeting-{meeting.pk}-{number}",
                    where=f"Group meeting on {long_date(meeting.held_on)}",
                    needed=line,
                    meeting=meeting,
                    answer=answers.get((None, meeting.pk, line)),
                )
            )
    return items


@transaction.atomic
def record_decision(item: Needed, *, programme, by, decision: str) -> Decision:
    if not can(by, Perm.DECIDE, programme.service):
        raise PermissionDenied("Only senior managers and the programme lead can record decisions.")
    if item.answer is not None:
        raise NotNow("This decision has already been recorded.")
    answer = Decision.objects.create(
        programme=programme,
        action=item.action,
        meeting=item.meeting,
        needed=item.needed,
        decision=decision.strip(),
        decided_by=by,
    )
    if item.action is not None:
        ActionUpdate.objects.create(
            action=item.action,
            kind=ActionUpdate.Kind.DECISION,
            author=by,
            text=f"Asked: {item.needed}\nDecided: {answer.decision}",
            version=item.action.version,
        )
    audit.record("plan.decision_recorded", actor=by, service=programme.service, target=answer)
    return answer


@transaction.atomic
def sign_off(report: ProgressReport, *, by, note: str = "") -> None:
    """Sign off one version of the progress report. Once signed off it stays:
    a second sign-off (from another browser, say) is refused."""
    if not can(by, Perm.DECIDE, report.programme.service):
        raise PermissionDenied("Only senior managers and the programme lead can sign off a report.")
    now = timezone.now()
    signed = ProgressReport.objects.filter(pk=report.pk, signed_off_at=None).update(
        signed_off_by=by, signed_off_at=now, sign_off_note=note.strip()
    )
    if not signed:
        raise NotNow("This version of the report has already been signed off.")
    report.refresh_from_db()
    audit.record("plan.report_signed_off", actor=by, service=report.programme.service, target=report)
