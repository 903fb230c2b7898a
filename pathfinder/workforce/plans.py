"""Training plans: drafted from the role map and the catalogue, and shaped by a
closed training needs analysis (only what the disclosure gate releases), then
reviewed and edited by the lead.

Why each part is there, following the pathfinders' learning report:
- levels are cumulative, so a role gets every level up to the one it needs;
- new starters get an induction pack, so the plan outlasts staff turnover;
- after skilled-level training a cohort meets again ("scaffolding"), so
  learning turns into practice.
"""

from __future__ import annotations

from django.db import transaction

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.core.roles import Perm, permissions_for
from pathfinder.instruments import disclosure
from pathfinder.planning.services import actions as planning
from pathfinder.programmes.domain import Theme
from pathfinder.surveys import services as survey_services
from pathfinder.surveys.forms import asked_items
from pathfinder.surveys.models import Survey
from pathfinder.workforce import tna
from pathfinder.workforce.models import CatalogueEntry, PlanLine, TrainingPlan
from pathfinder.workforce.practice_levels import JOB_ROLE_PLURALS, JOB_ROLES, PracticeLevel
from pathfinder.workforce.training import active_entries, role_levels

Kind = PlanLine.Kind
Priority = PlanLine.Priority

# A role is a priority when fewer than this share of it feel confident.
CONFIDENT_AT_LEAST = 50


class PlanRefused(ValueError):
    """The plan cannot be drafted or changed as asked; the message says why."""


class LineGone(Exception):
    """The line was removed by someone else."""


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def closed_tna_surveys(programme) -> list[Survey]:
    """The programme's training needs analyses that have closed, newest first."""
    surveys = Survey.objects.filter(programme=programme, kind=Survey.Kind.TNA).select_related("instrument_version")
    return [survey for survey in surveys if survey.has_closed()]


def _read_survey(programme, survey: Survey, levels: dict[str, PracticeLevel]) -> dict:
    if survey.programme_id != programme.pk or survey.kind != Survey.Kind.TNA:
        raise PlanRefused("Only a training needs analysis from this programme can shape its training plan.")
    if not survey.has_closed():
        raise PlanRefused(
            f"“{survey.title}” is still open until {long_date(survey.closes_on)}. "
            "A plan can use its results once it has closed, so that nobody's answers can be picked out as they arrive."
        )
    definition = survey.instrument_version.parsed
    asked = {item.code for item in asked_items(definition, survey)}
    if not set(tna.NEEDED) <= asked:
        raise PlanRefused(
            f"“{survey.title}” does not ask people their role, their confidence and the training they have done, "
            "so it cannot shape a plan by role."
        )
    return tna.figures(
        definition,
        asked,
        survey_services.answer_sets(survey),
        survey_services.results_rules(survey),
        levels,
        breakdowns=survey.distribution == Survey.Distribution.CODES,
    )


def _percent(value: float) -> str:
    return f"{value:.0f}%"


def _untrained(figures: tna.GroupFigures, who: str = "") -> str:
    if disclosure.is_hidden(figures.untrained):
        return ""
    of = f" of {who} who answered" if who else ""
    return f" {_percent(figures.untrained)}{of} have done none of the listed training yet."


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _confidence(who: str, figures: tna.GroupFigures) -> tuple[str, bool]:
    """What a released share says about a group ("the managers who answered",
    "them"), and whether it makes a priority."""
    if figures.confident < CONFIDENT_AT_LEAST:
        return (
            f"fewer than half of {who} feel very or extremely confident applying trauma-informed "
            f"principles in their day-to-day work ({_percent(figures.confident)})."
        ), True
    return (
        f"{_percent(figures.confident)} of {who} feel very or extremely confident applying "
        "trauma-informed principles in their day-to-day work."
    ), False


def _shares_confidence(figures: tna.GroupFigures | None) -> bool:
    return (
        figures is not None
        and figures.released
        and not disclosure.is_hidden(figures.answered)
        and not disclosure.is_hidden(figures.confident)
    )


def level_note(role: str, level: PracticeLevel, figures: tna.GroupFigures, roles: list[str], source: str):
    """When a role's own results cannot be used: what everyone at its practice
    level says, if the gate releases that group with everything else."""
    who = JOB_ROLE_PLURALS[role]
    together = _listed([JOB_ROLE_PLURALS[other] for other in roles])
    said, high = _confidence("them", figures)
    return (
        f"The results for {who} cannot be used on their own, so the plan uses the results of everyone "
        f"whose role needs the {level.label.lower()} level ({together}): {said}"
        f"{_untrained(figures)} {source}"
    ), high


def role_note(
    role: str,
    figures: tna.GroupFigures,
    source: str,
    level: PracticeLevel | None = None,
    level_figures: tna.GroupFigures | None = None,
    level_roles: list[str] = (),
) -> tuple[str, bool]:
    """The sentence a survey adds to a role's part of the plan, and whether the
    role's core training becomes a high priority. Only released means and
    percentages appear, never a count. Where the role's own share cannot be
    used, its practice level's share is used if the gate released it."""
    who = JOB_ROLE_PLURALS[role]
    if not _shares_confidence(figures) and len(level_roles) > 1 and _shares_confidence(level_figures):
        return level_note(role, level, level_figures, list(level_roles), source)
    if not figures.released:
        if figures.why_not == tna.TOO_FEW:
            return (
                f"Too few {who} answered to use their results safely; the plan follows the role's required level. {source}",
                False,
            )
        return (
            f"Results for {who} cannot be shown on their own, because they could be worked out from other figures; "
            f"the plan follows the role's required level. {source}"
        ), False
    if disclosure.is_hidden(figures.answered):
        return (
            f"Too few {who} answered the question about confidence to use it safely; "
            f"the plan follows the role's required level.{_untrained(figures, who)} {source}"
        ), False
    if disclosure.is_hidden(figures.confident):
        average = (
            ""
            if disclosure.is_hidden(figures.average)
            else f" On average they rate their confidence {figures.average:.1f} out of 5."
        )
        return (
            f"Of the {who} who answered, the share who feel very or extremely confident applying trauma-informed "
            "principles cannot be shown, because it would point to a small number of people, so it does not set "
            f"priorities here: raise them yourself if the team thinks they should be.{average}{_untrained(figures)} "
            f"{source}"
        ), False
    said, high = _confidence(f"the {who} who answered", figures)
    return f"{said[0].upper()}{said[1:]}{_untrained(figures)} {source}", high


def everyone_summary(figures: tna.GroupFigures, survey: Survey) -> str:
    closed = f"“{survey.title}”, which closed on {long_date(survey.last_day)}"
    if not figures.released or disclosure.is_hidden(figures.answered):
        return (
            f"Too few people answered “{survey.title}” (closed on {long_date(survey.last_day)}) to use its results "
            "safely; the plan follows the role map."
        )
    parts = [f"The plan uses the results of {closed}."]
    if not disclosure.is_hidden(figures.confident):
        parts.append(
            f"{_percent(figures.confident)} of the people who answered feel very or extremely confident applying "
            "trauma-informed principles."
        )
    if not disclosure.is_hidden(figures.untrained):
        parts.append(f"{_percent(figures.untrained)} have done none of the listed training yet.")
    return " ".join(parts)


def level_sentence(role: str, level: PracticeLevel) -> str:
    who = JOB_ROLE_PLURALS[role]
    sentence = f"{who[0].upper()}{who[1:]} need the {level.label.lower()} level in the service's role map."
    below = [other.label.lower() for other in PracticeLevel if other < level]
    if below:
        sentence += f" Levels build on each other, so the plan includes the {' and '.join(below)} level{'s' if len(below) > 1 else ''} too."
    return sentence


@transaction.atomic
def draft_plan(programme, survey: Survey | None, by, title: str = "") -> TrainingPlan:
    """A new draft plan for every job role. With a closed training needs
    analysis, roles whose released figures show fewer than half feel confident
    get their core training marked high priority; PlanRefused otherwise."""
    service = programme.service
    levels = role_levels(service)
    required_by_role = {role: row.practice_level for role, row in levels.items()}
    figures = _read_survey(programme, survey, required_by_role) if survey is not None else None
    source = f"({survey.title}, closed {long_date(survey.last_day)})" if survey is not None else ""
    entries = active_entries(service)
    rows: list[tuple] = []  # (job role, entry, kind, priority, note)
    reasoning: dict[str, list[str]] = {}
    for role in JOB_ROLES:
        required = levels[role].practice_level
        offered = [entry for entry in entries if required.covers(entry.practice_level) and entry.is_for(role)]
        same_level = [other for other in JOB_ROLES if required_by_role[other] is required]
        note, high = (
            role_note(role, figures[role], source, required, figures.get(required), same_level)
            if figures
            else ("", False)
        )
        reasoning[role] = [level_sentence(role, required), *([note] if note else [])]
        core = [entry for entry in offered if not entry.scaffolding]
        priority, core_note = (Priority.HIGH, note) if high else (Priority.NORMAL, "")
        rows += [(role, entry, Kind.CORE, priority, core_note) for entry in core]
        rows += [(role, entry, Kind.INDUCTION, Priority.NORMAL, "") for entry in offered if entry.induction]
        # A cohort meets after skilled-or-above training: only roles that have some get scaffolding.
        if any(entry.practice_level >= PracticeLevel.SKILLED for entry in core):
            rows += [(role, entry, Kind.SCAFFOLDING, Priority.NORMAL, "") for entry in offered if entry.scaffolding]
    plan = TrainingPlan.objects.create(
        programme=programme,
        source_survey=survey,
        title=title or (f"Training plan from “{survey.title}”" if survey else "Training plan from the role map"),
        summary=everyone_summary(figures[tna.EVERYONE], survey)
        if figures
        else "Drafted from the service's role map and training catalogue; no survey results were used.",
        reasoning=reasoning,
        created_by=by,
    )
    PlanLine.objects.bulk_create(
        [
            PlanLine(plan=plan, job_role=role, level=entry.level, entry=entry, kind=kind, priority=priority, note=note)
            for role, entry, kind, priority, note in rows
        ]
    )
    audit.record(
        "training.plan_drafted",
        actor=by,
        service=service,
        target=plan,
        survey=survey.pk if survey else None,
        lines=len(rows),
    )
    return plan


# --- Editing a plan ------------------------------------------------------------------------
# Every change carries the plan's version, so two people editing one plan never
# undo each other's changes without knowing: a stale change raises StaleEdit.


@transaction.atomic
def remove_line(plan: TrainingPlan, line_id: int, *, version: int, by) -> PlanLine:
    line = PlanLine.objects.filter(plan=plan, pk=line_id).select_related("entry").first()
    save_if_current(plan, version, [])
    if line is None:
        raise LineGone
    line.delete()
    _changed(plan, by, "line_removed", line)
    return line


@transaction.atomic
def set_priority(plan: TrainingPlan, line_id: int, priority: str, *, version: int, by) -> PlanLine:
    line = PlanLine.objects.filter(plan=plan, pk=line_id).select_related("entry").first()
    save_if_current(plan, version, [])
    if line is None:
        raise LineGone
    line.priority = Priority(priority)
    line.save(update_fields=["priority"])
    _changed(plan, by, "priority", line)
    return line


@transaction.atomic
def add_line(
    plan: TrainingPlan, *, job_role: str, entry: CatalogueEntry, kind: str, priority: str, note: str, version: int, by
) -> PlanLine:
    if entry.service_id != plan.programme.service_id or not entry.active:
        raise PlanRefused("Choose training that the service offers.")
    if PlanLine.objects.filter(plan=plan, job_role=job_role, entry=entry, kind=kind).exists():
        raise PlanRefused(f"“{entry.title}” is already in this part of the plan for this role.")
    save_if_current(plan, version, [])
    line = PlanLine.objects.create(
        plan=plan,
        job_role=job_role,
        level=entry.level,
        entry=entry,
        kind=Kind(kind),
        priority=Priority(priority),
        note=note.strip(),
    )
    _changed(plan, by, "line_added", line)
    return line


def _changed(plan, by, change: str, line: PlanLine) -> None:
    audit.record(
        "training.plan_changed",
        actor=by,
        service=plan.programme.service,
        target=plan,
        change=change,
        job_role=line.job_role,
        entry=line.entry.key,
    )


# --- Dates, costs, owners, and actions in the implementation plan --------------------


def may_own(membership) -> bool:
    """Owners of plan lines (and so of actions) are people who may change the implementation plan."""
    return membership.is_active and Perm.RECORD_FINDINGS in permissions_for(membership.role)


def owner_choices(members) -> list:
    return [member for member in members if may_own(member)]


@transaction.atomic
def set_line_details(plan: TrainingPlan, line_id: int, *, starts_on, due_on, cost, owner, version: int, by) -> PlanLine:
    line = PlanLine.objects.filter(plan=plan, pk=line_id).select_related("entry").first()
    save_if_current(plan, version, [])
    if line is None:
        raise LineGone
    if owner is not None and (owner.service_id != plan.programme.service_id or not may_own(owner)):
        raise PlanRefused("Choose an owner who may change the implementation plan.")
    if starts_on and due_on and due_on < starts_on:
        raise PlanRefused("The due date cannot be before the start date.")
    line.starts_on, line.due_on, line.cost, line.owner = starts_on, due_on, cost, owner
    line.save(update_fields=["starts_on", "due_on", "cost", "owner"])
    _changed(plan, by, "details", line)
    return line


def action_title(line: PlanLine) -> str:
    return f"{line.entry.title} for {JOB_ROLE_PLURALS[line.job_role]}"[:200]


@transaction.atomic
def line_to_action(plan: TrainingPlan, line_id: int, *, version: int, by):
    """The line as an action in the implementation plan, with its dates, owner
    and cost (so the cost is in the budget), made by the planning app's own
    service. PlanRefused if it has no due date or owner yet, or is already one."""
    line = (
        PlanLine.objects.select_for_update(of=("self",))
        .filter(plan=plan, pk=line_id)
        .select_related("entry", "owner")
        .first()
    )
    save_if_current(plan, version, [])
    if line is None:
        raise LineGone
    if line.action_id is not None:
        raise PlanRefused(f"“{line.entry.title}” is already an action in the implementation plan.")
    missing = [what for what, value in (("a due date", line.due_on), ("an owner", line.owner)) if not value]
    if missing:
        raise PlanRefused(f"Give this line {' and '.join(missing)} first: every action in the plan needs them.")
    if not may_own(line.owner):
        raise PlanRefused("The owner can no longer change the implementation plan: choose someone else first.")
    note = f" {line.note}" if line.note else ""
    action = planning.create_action(
        programme=plan.programme,
        by=by,
        title=action_title(line),
        description=(
            f"From the training plan “{plan.title}”: {line.get_kind_display().lower()}, "
            f"at the {PracticeLevel(line.level).label.lower()} level.{note}"
        )[:4000],
        theme=Theme.SKILLS,
        owner=line.owner,
        starts_on=line.starts_on,
        due_on=line.due_on,
        direct_cost=line.cost,
        priority="high" if line.priority == Priority.HIGH else "medium",
    )
    line.action = action
    line.save(update_fields=["action"])
    _changed(plan, by, "made_action", line)
    return action
