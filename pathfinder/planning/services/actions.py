"""State changes for the plan: its settings, funding sources, actions, their
history, and decisions about findings. Every change to an action writes an
entry in its history; the history itself is never changed."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm, permissions_for
from pathfinder.planning.models import Action, ActionUpdate, FindingDecision, FundingSource, Plan, ProgressReport
from pathfinder.planning.wording import ACTION_FIELDS, differences, long_date

EDITABLE = list(ACTION_FIELDS)
DONE = Action.Status.DONE


def may_own(membership) -> bool:
    """Whether this member may be chosen to own an action: an active member
    whose role takes part in the plan (an evaluator only follows it)."""
    return membership.is_active and membership.user.is_active and Perm.OWN_ACTIONS in permissions_for(membership.role)


def may_update(user, action: Action) -> bool:
    """Group members and the lead may add progress to any action; an owner to
    their own, while their role still lets them take part."""
    service = action.programme.service
    if can(user, Perm.RECORD_FINDINGS, service):
        return True
    owner = action.owner
    return owner is not None and owner.user_id == user.pk and owner.is_active and can(user, Perm.OWN_ACTIONS, service)


def _check_change(by, programme, owner) -> None:
    """Every write path checks, not only the page: who is changing the plan,
    and that the owner chosen may own an action."""
    if not can(by, Perm.RECORD_FINDINGS, programme.service):
        raise PermissionDenied("Only the programme lead and group members can change the plan.")
    if owner is not None and (owner.service_id != programme.service_id or not may_own(owner)):
        raise PermissionDenied("This person's role follows the plan without changing it, so they cannot own actions.")


def plan_for(programme) -> Plan:
    """The programme's plan settings; unsaved defaults until the lead saves them
    (three years from the programme's start), so reading a page writes nothing."""
    try:
        return programme.plan
    except Plan.DoesNotExist:
        return Plan(programme=programme, starts_on=programme.started_on, version=0)


@transaction.atomic
def save_plan_settings(plan: Plan, *, version: int, by, **fields) -> None:
    """Raises StaleEdit if someone saved the settings in the meantime."""
    for name, value in fields.items():
        setattr(plan, name, value)
    if plan.pk is None:
        if version != 0:
            raise StaleEdit(Plan.objects.get(programme=plan.programme))
        try:
            with transaction.atomic():
                plan.version = 1
                plan.save()
        except IntegrityError:
            # Someone else saved the first settings a moment ago.
            raise StaleEdit(Plan.objects.get(programme=plan.programme)) from None
    else:
        save_if_current(plan, version, list(fields))
    audit.record("plan.settings_changed", actor=by, service=plan.programme.service, target=plan)


def add_funding_source(*, programme, name: str, notes: str = "", amount=None, by) -> FundingSource:
    source = FundingSource.objects.create(programme=programme, name=name.strip(), notes=notes.strip(), amount=amount)
    audit.record("plan.funding_source_added", actor=by, service=programme.service, target=source)
    return source


def _finish_status(action: Action, before: str) -> None:
    if action.status == DONE and before != DONE:
        action.done_at = timezone.now()
    elif action.status != DONE:
        action.done_at = None
    if action.status != Action.Status.BLOCKED:
        action.blocked_reason = ""


@transaction.atomic
def create_action(*, programme, by, findings=(), suggestion_key: str = "", raised_at=None, **fields) -> Action:
    _check_change(by, programme, fields.get("owner"))
    action = Action(programme=programme, created_by=by, suggestion_key=suggestion_key, raised_at=raised_at, **fields)
    _finish_status(action, Action.Status.NOT_STARTED)
    action.save()
    action.findings.set(findings)
    ActionUpdate.objects.create(
        action=action,
        kind=ActionUpdate.Kind.CREATED,
        author=by,
        text=f"Raised at the {raised_at.group_name} meeting on {long_date(raised_at.held_on)}." if raised_at else "",
        status_after=action.status,
        version=action.version,
        meeting=raised_at,
    )
    audit.record("plan.action_created", actor=by, service=programme.service, target=action)
    return action


@transaction.atomic
def edit_action(action: Action, *, version: int, by, findings=None, **fields) -> ActionUpdate | None:
    """Change an action's details. Raises StaleEdit if anyone changed it (or
    added an update) after `version`. Returns the history entry, or None when
    nothing was different."""
    if "owner" in fields and fields["owner"] != action.owner:
        _check_change(by, action.programme, fields["owner"])
    else:
        _check_change(by, action.programme, None)
    before = {name: getattr(action, name) for name in EDITABLE}
    status_before = action.status
    for name, value in fields.items():
        setattr(action, name, value)
    _finish_status(action, status_before)
    after = {name: getattr(action, name) for name in EDITABLE}
    changes = differences(before, after)
    old_findings = {finding.pk: finding for finding in action.findings.all()}
    new_findings = {finding.pk: finding for finding in findings} if findings is not None else old_findings
    added = [new_findings[pk] for pk in new_findings.keys() - old_findings.keys()]
    removed = [old_findings[pk] for pk in old_findings.keys() - new_findings.keys()]
    if added:
        changes.append(["Findings it answers", "", f"added {len(added)}"])
    if removed:
        changes.append(["Findings it answers", f"removed {len(removed)}", ""])
    if not changes:
        # Still refuse a stale page, so nobody thinks their old view was saved.
        if Action.objects.filter(pk=action.pk).values_list("version", flat=True).first() != version:
            raise StaleEdit(Action.objects.get(pk=action.pk))
        return None
    save_if_current(action, version, [*EDITABLE, "done_at"])
    if added or removed:
        action.findings.set(new_findings.values())
    entry = ActionUpdate.objects.create(
        action=action,
        kind=ActionUpdate.Kind.EDIT,
        author=by,
        status_before=status_before,
        status_after=action.status,
        changes=changes,
        version=action.version,
    )
    audit.record("plan.action_changed", actor=by, service=action.programme.service, target=action)
    return entry


@transaction.atomic
def add_update(action: Action, *, version: int, by, text: str, status: str, blocked_reason: str = "") -> ActionUpdate:
    """A progress update from the owner or the group. It may change the status;
    either way the action's version moves on, so an edit opened earlier sees it."""
    if not may_update(by, action):
        raise PermissionDenied("Only the action's owner, group members and the programme lead can add progress.")
    status_before = action.status
    action.status = status
    action.blocked_reason = blocked_reason.strip() if status == Action.Status.BLOCKED else ""
    _finish_status(action, status_before)
    save_if_current(action, version, ["status", "blocked_reason", "done_at"])
    entry = ActionUpdate.objects.create(
        action=action,
        kind=ActionUpdate.Kind.UPDATE,
        author=by,
        text=text.strip(),
        status_before=status_before,
        status_after=action.status,
        version=action.version,
    )
    audit.record(
        "plan.action_progress", actor=by, service=action.programme.service, target=action, status=action.status
    )
    return entry


@transaction.atomic
def set_aside(finding, *, reason: str, by) -> FindingDecision:
    decision, _ = FindingDecision.objects.update_or_create(
        finding=finding,
        defaults={"set_aside_reason": reason.strip(), "decided_by": by, "decided_at": timezone.now()},
    )
    audit.record("plan.finding_set_aside", actor=by, service=finding.programme.service, target=finding)
    return decision


@transaction.atomic
def bring_back(finding, *, by) -> None:
    FindingDecision.objects.filter(finding=finding).delete()
    audit.record("plan.finding_restored", actor=by, service=finding.programme.service, target=finding)


def record_report(*, programme, by, fmt: str) -> ProgressReport:
    return ProgressReport.objects.create(programme=programme, generated_by=by, format=fmt)
