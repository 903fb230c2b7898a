"""How planning plugs into the programme: a nav item, a dashboard panel, a
source for findings made from feedback, and demo data."""

from datetime import timedelta

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.planning import demo
from pathfinder.programmes.registry import (
    ActionRef,
    FindingSource,
    Panel,
    SupportingFigure,
    SupportingFigureSource,
    register_action_source,
    register_finding_lock,
    register_finding_source,
    register_panel,
    register_supporting_figures,
)
from pathfinder.programmes.services import current_programme


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("plan_overview", args=[programme.pk]) if programme else None


def _panel(programme, request) -> dict:
    from pathfinder.core.scoping import scoped
    from pathfinder.planning.models import Action, Meeting

    actions = scoped(Action, request.user).filter(programme=programme)
    by_status = dict(actions.values_list("status").annotate(total=Count("id")).order_by())
    today = timezone.localdate()
    return {
        "total": sum(by_status.values()),
        "by_status": [(Action.Status(status).label, by_status.get(status, 0)) for status in Action.Status.values],
        "overdue": actions.exclude(status=Action.Status.DONE).filter(due_on__lt=today).count(),
        "next_meeting": scoped(Meeting, request.user)
        .filter(programme=programme, working_group=None, held_on__gte=today, held_on__lte=today + timedelta(days=366))
        .order_by("held_on")
        .first(),
    }


def _feedback_link(finding):
    return reverse("plan_feedback", args=[finding.programme_id]) + f"#feedback-{finding.source_id}"


register_nav(NavItem("plan", "Plan", _nav, Perm.VIEW_PROGRAMME, order=60))
register_panel(Panel(key="plan", title="Implementation plan", template="planning/panel.html", context=_panel, order=50))
register_finding_source(FindingSource(key="feedback", label="You said, we did", link=_feedback_link))
register_finding_lock(
    "plan", lambda finding: "An action in the plan answers it." if finding.plan_actions.exists() else None
)
core_demo.register(demo.load)


def _action_refs(programme, user) -> list[ActionRef]:
    """The plan's actions, for tools that cite them (the MAT standards)."""
    from pathfinder.core.scoping import scoped
    from pathfinder.planning.models import Action

    actions = scoped(Action, user).filter(programme=programme).only("pk", "title", "status").order_by("title", "pk")
    return [
        ActionRef(pk=a.pk, title=a.title, href=reverse("plan_action", args=[a.pk]), done=a.is_done) for a in actions
    ]


def _actions_done(programme, user) -> list[SupportingFigure]:
    from pathfinder.core.scoping import scoped
    from pathfinder.planning.models import Action

    actions = scoped(Action, user).filter(programme=programme)
    total = actions.count()
    if not total:
        return []
    done = actions.filter(status=Action.Status.DONE).count()
    return [SupportingFigure("Actions done", f"{done} of {total}", reverse("plan_overview", args=[programme.pk]))]


register_action_source(_action_refs)
register_supporting_figures(
    SupportingFigureSource(key="plan", label="Implementation plan", figures=_actions_done, order=30)
)
