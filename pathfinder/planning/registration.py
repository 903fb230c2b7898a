"""How planning plugs into the programme: a nav item, a dashboard panel, a
source for findings made from feedback, and demo data."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.planning import demo
from pathfinder.programmes.registry import (
    ActionRef,
    FindingSource,
    PageRead,
    Panel,
    SupportingFigure,
    SupportingFigureSource,
    register_action_source,
    register_finding_lock,
    register_finding_source,
    register_page_read,
    register_panel,
    register_supporting_figures,
)
from pathfinder.programmes.services import current_programme


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("plan_overview", args=[programme.pk]) if programme else None


def _action_query(programme, user):
    from pathfinder.core.scoping import scoped
    from pathfinder.planning.models import Action

    return (
        scoped(Action, user)
        .filter(programme=programme)
        .order_by()
        .values_list("status", "due_on", "created_at", "done_at")
    )


ACTION_ROWS = PageRead(key=lambda programme, user: ("plan-action-rows", user.pk, programme.pk), queryset=_action_query)
register_page_read("plan-action-rows", ACTION_ROWS)


def _next_meeting_query(programme, user):
    """The implementation group's next meeting within a year (not a working group's)."""
    from pathfinder.core.readahead import First
    from pathfinder.core.scoping import scoped
    from pathfinder.planning.models import Meeting

    today = timezone.localdate()
    return First(
        scoped(Meeting, user)
        .filter(programme=programme, working_group=None, held_on__gte=today, held_on__lte=today + timedelta(days=366))
        .order_by("held_on")
    )


NEXT_MEETING = PageRead(
    key=lambda programme, user: ("plan-next-meeting", user.pk, programme.pk),
    queryset=_next_meeting_query,
    pages=frozenset({"dashboard"}),
)
register_page_read("plan-next-meeting", NEXT_MEETING)


def _action_rows(programme, user) -> list[tuple]:
    """(status, due on, added at, done at) of every action in the plan: one
    query, asked once per page (the panel and the Progress measure share it)."""
    return ACTION_ROWS.read(programme, user)


def _panel(programme, request) -> dict:
    from pathfinder.planning.models import Action

    rows = _action_rows(programme, request.user)
    by_status: dict[str, int] = {}
    for status, *_ in rows:
        by_status[status] = by_status.get(status, 0) + 1
    today = timezone.localdate()
    return {
        "total": len(rows),
        "by_status": [(Action.Status(status).label, by_status.get(status, 0)) for status in Action.Status.values],
        "overdue": sum(1 for status, due_on, *_ in rows if status != Action.Status.DONE and due_on and due_on < today),
        "next_meeting": NEXT_MEETING.read(programme, request.user),
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


def _completion_measures(programme, user, today=None) -> list:
    """The share of the plan's actions done at the end of every month since the
    first action was added (the current month: today). An action counts from
    the day it was added, and as done from the day it was marked done (if it
    is done now). One query, however many actions or months."""
    import calendar
    from datetime import date

    from pathfinder.planning.models import Action
    from pathfinder.programmes.registry import Measure, MeasurePoint

    today = today or timezone.localdate()
    rows = []
    for status, _, created, done_at in _action_rows(programme, user):
        added = timezone.localdate(created)
        # Done with no date it was done (data from before the date was kept): done from when it was added.
        done = (timezone.localdate(done_at) if done_at else added) if status == Action.Status.DONE else None
        rows.append((added, done))
    if not rows:
        return []
    first = min(created for created, _ in rows)
    days, year, month = [], first.year, first.month
    while (year, month) < (today.year, today.month):
        days.append(date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    days.append(today)
    points = []
    for day in days:
        existing = [done for created, done in rows if created <= day]
        if existing:
            finished = sum(1 for done in existing if done is not None and done <= day)
            so_far = day == today and day.day != calendar.monthrange(day.year, day.month)[1]
            label = f"{day:%B %Y}" + (" (so far)" if so_far else "")
            points.append(MeasurePoint(label=label, on=day, value=100 * finished / len(existing)))
    return [
        Measure(
            key="plan:actions-done",
            title="Actions in the plan that are done",
            group="Implementation plan",
            unit="%",
            points=tuple(points),
            direction="higher",
            href=reverse("plan_overview", args=[programme.pk]),
        )
    ]


from pathfinder.programmes.registry import MeasureSource, register_measure_source  # noqa: E402

register_measure_source(MeasureSource(key="plan", title="Implementation plan", measures=_completion_measures, order=50))


def _measure_links(programme, user) -> dict:
    """{measure key: the indicators that point at it, each with its outcome and
    the actions towards that outcome}, for the Progress page. Two queries."""
    from pathfinder.core.scoping import scoped
    from pathfinder.evidence.progress import Evidences
    from pathfinder.planning.models import Action, Indicator

    indicators = list(
        scoped(Indicator, user)
        .filter(node__programme=programme)
        .exclude(measure_key="")
        .select_related("node")
        .order_by("id")
    )
    actions: dict[int, list] = {}
    outcomes = {indicator.node_id for indicator in indicators}
    if outcomes:
        for action in scoped(Action, user).filter(outcome_id__in=outcomes).only("pk", "title", "status", "outcome_id"):
            actions.setdefault(action.outcome_id, []).append(
                ActionRef(
                    pk=action.pk, title=action.title, href=reverse("plan_action", args=[action.pk]), done=action.is_done
                )
            )
    found: dict[str, list] = {}
    for indicator in indicators:
        found.setdefault(indicator.measure_key, []).append(
            Evidences(
                indicator=indicator.text,
                outcome=indicator.node.text,
                outcome_kind=indicator.node.get_kind_display(),
                href=reverse("plan_toc", args=[programme.pk]) + f"#step-{indicator.node_id}",
                actions=tuple(actions.get(indicator.node_id, [])),
            )
        )
    return found


from pathfinder.evidence.progress import register_evidence_links  # noqa: E402

register_evidence_links(_measure_links)
