"""The plan's pages: the overview, by theme, my actions, overdue and due
soon, the timeline, downloads, settings and funding sources."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped
from pathfinder.planning.forms.actions import FundingSourceForm, PlanFilterForm, PlanSettingsForm
from pathfinder.planning.models import Action, FundingSource
from pathfinder.planning.presenters import plan as presenters
from pathfinder.planning.presenters.budget import costs_table, funding_table, tool_table
from pathfinder.planning.presenters.report import actions_table
from pathfinder.planning.services import actions as services
from pathfinder.planning.services import listing
from pathfinder.planning.views.access import crumbs, get_programme, page, today
from pathfinder.planning.views.budget import plan_budget_for
from pathfinder.planning.wording import money
from pathfinder.reports import exports

PLAN_PAGE = 50
Status = Action.Status


def plan_actions(request, programme):
    """The programme's actions with what every list shows, in a fixed number of queries."""
    return (
        scoped(Action, request.user)
        .filter(programme=programme)
        .select_related("owner__user", "funding_source")
        .annotate(findings_total=Count("findings", distinct=True))
        .order_by("due_on", "id")
    )


def _summary(request, programme) -> dict:
    actions = scoped(Action, request.user).filter(programme=programme)
    by_status = dict(actions.values_list("status").annotate(total=Count("id")).order_by())
    now = today()
    open_actions = actions.exclude(status=Status.DONE)
    return {
        "total": sum(by_status.values()),
        "by_status": [(status, Status(status).label, by_status.get(status, 0)) for status in Status.values],
        "overdue": open_actions.filter(due_on__lt=now).count(),
        "due_soon": open_actions.filter(
            due_on__gte=now, due_on__lte=now + timedelta(days=presenters.DUE_SOON_DAYS)
        ).count(),
        "owner_left": actions.exclude(owner=None).exclude(owner__is_active=True, owner__user__is_active=True).count(),
    }


@require_safe
def overview(request, pk):
    programme = get_programme(request, pk)
    plan = services.plan_for(programme)
    filters = PlanFilterForm(request.GET or None)
    actions = plan_actions(request, programme)
    if filters.is_valid():
        if filters.cleaned_data["theme"]:
            actions = actions.filter(theme=filters.cleaned_data["theme"])
        if filters.cleaned_data["status"]:
            actions = actions.filter(status=filters.cleaned_data["status"])
    paginated = Paginator(actions, PLAN_PAGE).get_page(request.GET.get("page"))
    query = urlencode(
        {name: value for name, value in (filters.cleaned_data if filters.is_valid() else {}).items() if value}
    )
    context = page(
        request,
        programme,
        "plan",
        plan=plan,
        plan_ends=presenters.add_months(plan.starts_on, 12 * plan.years) - timedelta(days=1),
        summary=_summary(request, programme),
        filters=filters,
        page_obj=paginated,
        rows=presenters.action_rows(paginated.object_list, today()),
        query=query,
    )
    return render(request, "planning/overview.html", context)


@require_safe
def by_theme(request, pk):
    programme = get_programme(request, pk)
    rows = presenters.listed_rows(listing.listed(scoped(Action, request.user).filter(programme=programme)), today())
    context = page(request, programme, "themes", groups=presenters.by_theme(rows), total=len(rows))
    return render(request, "planning/by_theme.html", context)


@require_safe
def mine(request, pk):
    programme = get_programme(request, pk)
    actions = plan_actions(request, programme).filter(owner__user=request.user, owner__is_active=True)
    rows = presenters.action_rows(actions, today())
    context = page(
        request,
        programme,
        "mine",
        open_rows=[row for row in rows if not row.action.is_done],
        done_rows=[row for row in rows if row.action.is_done],
    )
    return render(request, "planning/mine.html", context)


@require_safe
def due(request, pk):
    programme = get_programme(request, pk)
    now = today()
    horizon = now + timedelta(days=presenters.DUE_SOON_DAYS)
    actions = plan_actions(request, programme).exclude(status=Status.DONE).filter(due_on__lte=horizon)
    rows = presenters.action_rows(actions, now)
    context = page(
        request,
        programme,
        "due",
        overdue=[row for row in rows if row.overdue],
        due_soon=[row for row in rows if not row.overdue],
        horizon=horizon,
        days=presenters.DUE_SOON_DAYS,
    )
    return render(request, "planning/due.html", context)


@require_safe
def timeline(request, pk):
    programme = get_programme(request, pk)
    plan = services.plan_for(programme)
    rows = presenters.listed_rows(listing.listed(scoped(Action, request.user).filter(programme=programme)), today())
    context = page(
        request, programme, "timeline", plan=plan, **presenters.timeline(rows, plan.starts_on, plan.years, today())
    )
    return render(request, "planning/timeline.html", context)


@require_safe
def export(request, pk, fmt):
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    programme = get_programme(request, pk, Perm.EXPORT_DATA)
    plan = services.plan_for(programme)
    actions = plan_actions(request, programme).select_related("activity", "outcome").prefetch_related("findings")
    rows = presenters.action_rows(actions, today())
    table = actions_table(rows)
    name = f"{programme.service.slug}-implementation-plan"
    audit.record(
        audit.Kind.EXPORT, actor=request.user, service=programme.service, target=programme, format=fmt, what="plan"
    )
    if fmt == "csv":
        return exports.csv_response(table, f"{name}.csv")
    plan_budget = plan_budget_for(request, programme, plan, [row.action for row in rows])
    return exports.xlsx_response(
        [
            table,
            costs_table("Costs by plan year", "Plan year", plan_budget.by_year),
            costs_table("Costs by theme", "Theme", plan_budget.by_theme),
            costs_table("Costs by funding source", "Funding source", plan_budget.by_source),
            funding_table(plan_budget),
            tool_table(plan_budget),
        ],
        f"{name}.xlsx",
    )


def _settings_initial(plan) -> dict:
    return {
        "starts_on": plan.starts_on,
        "years": plan.years,
        "expected_savings": plan.expected_savings,
        "staff_hourly_rate": plan.staff_hourly_rate,
        "version": plan.version,
    }


@require_http_methods(["GET", "POST"])
def settings(request, pk):
    programme = get_programme(request, pk, Perm.MANAGE_PROGRAMME)
    plan = services.plan_for(programme)
    form = PlanSettingsForm(request.POST or None, initial=_settings_initial(plan))
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        try:
            services.save_plan_settings(plan, version=form.cleaned_data["version"], by=request.user, **data)
        except StaleEdit as stale:
            current = stale.current
            form = form.after_stale_save(
                current.version,
                "Someone else changed the plan settings while you had them open, so your changes have not been "
                f"saved yet. The plan now starts on {current.starts_on.day} {current.starts_on:%B %Y} and runs for "
                f"{current.years} years. Your changes are still below, on top of theirs: save again to keep them.",
                current=_settings_initial(current),
            )
        else:
            messages.success(request, "The plan settings have been saved.")
            return redirect("plan_budget", programme.pk)
    context = page(request, programme, "budget", form=form, breadcrumbs=crumbs(programme))
    return render(request, "planning/settings.html", context)


@require_http_methods(["GET", "POST"])
def funding_sources(request, pk):
    programme = get_programme(request, pk, Perm.MANAGE_PROGRAMME)
    sources = list(
        scoped(FundingSource, request.user).filter(programme=programme).annotate(used=Count("actions")).order_by("name")
    )
    for source in sources:
        source.amount_text = "Not known yet" if source.amount is None else money(source.amount)
    form = FundingSourceForm(request.POST or None, existing=[source.name for source in sources])
    if request.method == "POST" and form.is_valid():
        source = services.add_funding_source(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, f"“{source.name}” has been added. Actions can now choose it.")
        return redirect("plan_funding_sources", programme.pk)
    context = page(request, programme, "budget", form=form, sources=sources, breadcrumbs=crumbs(programme))
    return render(request, "planning/funding_sources.html", context)
