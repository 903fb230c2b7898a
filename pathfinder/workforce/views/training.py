"""The training overview (coverage, role map, plans, gaps), the role map, and
turning a coverage gap into a finding."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped
from pathfinder.reports.charts import render_svg
from pathfinder.workforce import presenters, training
from pathfinder.workforce.forms import RoleLevelsForm
from pathfinder.workforce.models import TrainingPlan
from pathfinder.workforce.practice_levels import JOB_ROLE_PLURALS, JOB_ROLES, PracticeLevel
from pathfinder.workforce.views.access import MANAGE, get_programme, training_context

RECENT_PLANS = 5


@require_safe
def overview(request, pk):
    programme = get_programme(request, pk)
    service = programme.service
    report = training.coverage(service, programme)
    chart = presenters.coverage_chart(report)
    plans = list(
        scoped(TrainingPlan, request.user).filter(programme=programme).select_related("created_by")[: RECENT_PLANS + 1]
    )
    context = training_context(
        request,
        programme,
        section="overview",
        report=report,
        chart=chart,
        chart_svg=render_svg(chart, id_prefix="coverage", show_title=False),
        required=training.required_levels(service),
        job_roles=JOB_ROLES,
        plans=plans[:RECENT_PLANS],
        more_plans=len(plans) > RECENT_PLANS,
        made=training.findings_made(programme),
        can_record=can(request.user, Perm.RECORD_FINDINGS, service),
        percent_text=presenters.percent_text,
        target=training.COVERAGE_TARGET,
        levels=list(PracticeLevel),
    )
    return render(request, "workforce/training/overview.html", context)


def _stale_message(rows) -> str:
    now = "; ".join(f"{JOB_ROLE_PLURALS[role]}: {row.practice_level.label.lower()}" for role, row in rows.items())
    return (
        "Someone else changed the role map after you opened this page, so nothing was saved. "
        f"It now says – {now}. Your choices are still below: save again to use them instead."
    )


@require_http_methods(["GET", "POST"])
def roles(request, pk):
    programme = get_programme(request, pk, MANAGE)
    service = programme.service
    rows = training.role_levels(service)
    form = RoleLevelsForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            changed = training.set_role_levels(service, form.choices(), by=request.user)
        except StaleEdit as stale:
            form = form.after_stale_save(stale.current, _stale_message(stale.current))
        else:
            messages.success(
                request,
                "The role map is saved. New training plans will follow it; plans drafted before keep their lines."
                if changed
                else "Nothing needed saving: the role map is as it was.",
            )
            return redirect("training_overview", programme.pk)
    context = training_context(
        request,
        programme,
        section="roles",
        form=form,
        levels=list(PracticeLevel),
    )
    return render(request, "workforce/training/roles.html", context)


@require_POST
def gap_finding(request, pk):
    programme = get_programme(request, pk, Perm.RECORD_FINDINGS)
    try:
        level = PracticeLevel(request.POST.get("level", ""))
    except ValueError:
        raise Http404 from None
    try:
        _, made = training.gap_finding(programme, level, by=request.user)
    except training.NotAllowed as refused:
        messages.info(request, str(refused))
    else:
        messages.success(
            request,
            "Added to the programme's findings, ready for the implementation plan."
            if made
            else "This gap is already in the programme's findings.",
        )
    return redirect(reverse("training_overview", args=[programme.pk]) + f"#coverage-{level.value}")
