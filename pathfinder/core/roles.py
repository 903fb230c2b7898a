"""Roles and what each may do: the one table of permissions.

Views and templates never test a role by name; they ask for a Permission
through `rules` (see permissions.py), and this table answers.
"""

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    PROGRAMME_LEAD = "programme_lead", "Programme lead"
    GROUP_MEMBER = "group_member", "Implementation group member"
    STAFF = "staff", "Staff member"
    SENIOR_MANAGER = "senior_manager", "Senior manager"
    LIVED_EXPERIENCE = "lived_experience", "Lived-experience adviser"
    PARTNER = "partner", "Partner"
    EVALUATOR = "evaluator", "Evaluator"


class Perm(StrEnum):
    VIEW_PROGRAMME = "view_programme"
    MANAGE_PROGRAMME = "manage_programme"
    RECORD_FINDINGS = "record_findings"
    MANAGE_MEMBERS = "manage_members"
    VIEW_AUDIT = "view_audit"
    EXPORT_DATA = "export_data"
    RUN_ASSESSMENTS = "run_assessments"
    RUN_SURVEYS = "run_surveys"
    VIEW_SURVEY_RESULTS = "view_survey_results"
    # Be chosen to own an action in the plan, and add progress to it.
    OWN_ACTIONS = "own_actions"
    # Record senior management's answer to a decision the plan needs, and sign
    # off a version of the progress report.
    DECIDE = "decide"


_EVERYONE = {Perm.VIEW_PROGRAMME}
# Everyone who takes part may take an action forward; an evaluator only follows.
_TAKING_PART = _EVERYONE | {Perm.OWN_ACTIONS}

PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.PROGRAMME_LEAD: frozenset(Perm),
    Role.GROUP_MEMBER: frozenset(_TAKING_PART | {Perm.RECORD_FINDINGS, Perm.EXPORT_DATA, Perm.VIEW_SURVEY_RESULTS}),
    Role.STAFF: frozenset(_TAKING_PART),
    Role.SENIOR_MANAGER: frozenset(_TAKING_PART | {Perm.EXPORT_DATA, Perm.VIEW_SURVEY_RESULTS, Perm.DECIDE}),
    Role.LIVED_EXPERIENCE: frozenset(_TAKING_PART),
    Role.PARTNER: frozenset(_TAKING_PART),
    Role.EVALUATOR: frozenset(_EVERYONE | {Perm.EXPORT_DATA, Perm.VIEW_SURVEY_RESULTS}),
}

ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.PROGRAMME_LEAD: "Runs the programme: starts it, runs assessments, manages people and sees the activity log.",
    Role.GROUP_MEMBER: "Takes part in the implementation group and records findings.",
    Role.STAFF: "Works in the service and takes part in surveys and events.",
    Role.SENIOR_MANAGER: "Follows progress, receives reports, records decisions the plan needs and signs reports off.",
    Role.LIVED_EXPERIENCE: "Brings lived experience of trauma and addictions to the work.",
    Role.PARTNER: "Works with the service from another organisation, such as a GP practice or pharmacy.",
    Role.EVALUATOR: "Follows progress to evaluate it; can see and export results but not change them.",
}


def roles_with(perm: Perm) -> list[Role]:
    """The roles that hold a permission, in the table's order: for pages that
    say who may do something, so the words cannot drift from the rule."""
    return [role for role in Role if perm in PERMISSIONS[role]]


def permissions_for(role: str | None) -> frozenset[Perm]:
    if role is None:
        return frozenset()
    return PERMISSIONS.get(Role(role), frozenset())
