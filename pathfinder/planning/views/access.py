"""Fetching planning records through the scoping helpers, and the context
every planning page shares (its tabs and what the person may do)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from pathfinder.core.models import Membership
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.planning.models import Action, FundingSource, ToCNode
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding, Programme

THEME_ORDER = {value: position for position, value in enumerate(Theme.values)}
TABS = [
    ("plan", "Plan", "plan_overview"),
    ("inbox", "Findings inbox", "plan_inbox"),
    ("themes", "By theme", "plan_by_theme"),
    ("mine", "My actions", "plan_mine"),
    ("due", "Overdue and due soon", "plan_due"),
    ("timeline", "Timeline", "plan_timeline"),
    ("budget", "Budget", "plan_budget"),
    ("toc", "Theory of change", "plan_toc"),
    ("group", "Implementation group", "plan_group"),
    ("feedback", "You said, we did", "plan_feedback"),
    ("report", "Progress report", "plan_report"),
]


def get_programme(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, Programme, perm, pk=pk)


def get_action(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Action:
    actions = scoped(Action, request.user).select_related(
        "programme__service", "owner__user", "funding_source", "activity", "outcome", "raised_at"
    )
    return get_for(request, actions, perm, pk=pk)


def may_update(request, action: Action) -> bool:
    """Group members and the lead may add progress to any action; an owner to
    their own (the rule lives with the service that enforces it)."""
    from pathfinder.planning.services.actions import may_update as rule

    return rule(request.user, action)


def require_update(request, action: Action) -> None:
    if not may_update(request, action):
        raise PermissionDenied


def today():
    return timezone.localdate()


def members(request, service):
    """Active members of the service: the people who may own actions."""
    return list(
        scoped(Membership, request.user)
        .filter(service=service)
        .active()
        .select_related("user")
        .order_by("user__full_name")
    )


def leavers(request, service):
    return list(
        scoped(Membership, request.user)
        .filter(service=service)
        .exclude(is_active=True, user__is_active=True)
        .select_related("user")
    )


def owner_choices(request, service) -> dict:
    """Who may be chosen to own an action: active members whose role takes part
    in the plan. Leavers and followers (evaluators) are named, so a form can say
    why they cannot be chosen."""
    from pathfinder.planning.services.actions import may_own

    everyone = members(request, service)
    return {
        "members": [member for member in everyone if may_own(member)],
        "followers": [member for member in everyone if not may_own(member)],
        "leavers": leavers(request, service),
    }


def action_form_choices(request, programme) -> dict:
    """What the action form offers: owners (members whose role may take an
    action forward), findings, theory of change steps, funding sources."""
    service = programme.service
    return {
        **owner_choices(request, service),
        "findings": sorted(
            scoped(Finding, request.user).filter(programme=programme).order_by("-created_at", "-id"),
            key=lambda finding: THEME_ORDER[finding.theme],
        ),
        "nodes": list(scoped(ToCNode, request.user).filter(programme=programme).order_by("kind", "id")),
        "sources": list(scoped(FundingSource, request.user).filter(programme=programme)),
        "plan_ends": plan_last_day(programme),
    }


def plan_last_day(programme):
    """The plan's last day, which no due date may pass (core.dates)."""
    from datetime import timedelta

    from pathfinder.planning.presenters.plan import add_months
    from pathfinder.planning.services.actions import plan_for

    plan = plan_for(programme)
    return add_months(plan.starts_on, 12 * plan.years) - timedelta(days=1)


def page(request, programme, tab: str, **context) -> dict:
    service = programme.service
    tabs = [
        {"key": key, "text": text, "href": reverse(name, args=[programme.pk]), "current": key == tab}
        for key, text, name in TABS
    ]
    return service_context(
        request,
        service,
        programme=programme,
        current="plan",
        tabs=tabs,
        can_record=can(request.user, Perm.RECORD_FINDINGS, service),
        can_manage=can(request.user, Perm.MANAGE_PROGRAMME, service),
        can_export=can(request.user, Perm.EXPORT_DATA, service),
        today=today(),
        **context,
    )


def crumbs(programme, *extra) -> list[dict]:
    return [{"text": "Implementation plan", "href": reverse("plan_overview", args=[programme.pk])}, *extra]
