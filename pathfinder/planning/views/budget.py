"""The budget page: totals by plan year, theme and funding source, direct
and indirect costs, staff time and the expected savings note."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from pathfinder.core.scoping import scoped
from pathfinder.planning.models import Action, FundingSource
from pathfinder.planning.presenters import budget as presenters
from pathfinder.planning.services import actions as services
from pathfinder.planning.views.access import get_programme, page
from pathfinder.programmes.registry import cost_sources
from pathfinder.reports.charts import render_svg


def plan_budget_for(request, programme, plan, actions) -> presenters.Budget:
    """The budget from the plan's actions, its funding sources, the lead's
    hourly rate and the spending other tools have registered."""
    sources = scoped(FundingSource, request.user).filter(programme=programme)
    tool_lines = [(source.label, line) for source in cost_sources() for line in source.lines(programme, request.user)]
    return presenters.budget(
        actions, plan.starts_on, plan.years, sources, hourly_rate=plan.staff_hourly_rate, tool_lines=tool_lines
    )


@require_safe
def budget(request, pk):
    programme = get_programme(request, pk)
    plan = services.plan_for(programme)
    # Only what the budget counts and the indirect-costs list shows: a large
    # plan's actions are hundreds of rows, and each column is work per row.
    actions = (
        scoped(Action, request.user)
        .filter(programme=programme)
        .only(*presenters.BUDGET_FIELDS)
        .order_by("due_on", "id")
    )
    plan_budget = plan_budget_for(request, programme, plan, actions)
    charts = [
        (chart, render_svg(chart, id_prefix=key, show_title=False))
        for key, chart in (
            ("by-year", presenters.year_chart(plan_budget)),
            ("by-theme", presenters.theme_chart(plan_budget)),
            ("by-source", presenters.source_chart(plan_budget)),
        )
    ]
    context = page(
        request,
        programme,
        "budget",
        plan=plan,
        budget=plan_budget,
        charts=charts,
        totals=presenters.totals_table(plan_budget),
        funding=presenters.funding_table(plan_budget),
        tools=presenters.tool_table(plan_budget),
    )
    return render(request, "planning/budget.html", context)
