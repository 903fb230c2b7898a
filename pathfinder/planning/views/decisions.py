"""Senior management's pages: the decisions the plan needs, with a way to
record each answer, and signing off a version of the progress report."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.planning.forms.decisions import DecisionForm, SignOffForm
from pathfinder.planning.models import Decision, Meeting, ProgressReport
from pathfinder.planning.services import decisions as services
from pathfinder.planning.views.access import crumbs, get_programme, page
from pathfinder.planning.views.plan import plan_actions


def needed_for(request, programme, actions=None) -> list[services.Needed]:
    """`actions`: the programme's actions when the caller has them already (plan_actions)."""
    return services.needed(
        plan_actions(request, programme) if actions is None else actions,
        scoped(Meeting, request.user).filter(programme=programme).exclude(decisions_needed="").order_by("held_on"),
        scoped(Decision, request.user).filter(programme=programme).select_related("decided_by"),
    )


def _report_crumbs(programme):
    return crumbs(programme, {"text": "Progress report", "href": reverse("plan_report", args=[programme.pk])})


@require_safe
def decisions(request, pk):
    programme = get_programme(request, pk)
    items = needed_for(request, programme)
    context = page(
        request,
        programme,
        "report",
        waiting=[item for item in items if item.answer is None],
        answered=[item for item in items if item.answer is not None],
        can_decide=can(request.user, Perm.DECIDE, programme.service),
        breadcrumbs=_report_crumbs(programme),
    )
    return render(request, "planning/decisions.html", context)


@require_http_methods(["GET", "POST"])
def decision_new(request, pk):
    programme = get_programme(request, pk, Perm.DECIDE)
    key = request.POST.get("about") if request.method == "POST" else request.GET.get("about")
    item = next((item for item in needed_for(request, programme) if item.key == key), None)
    if item is None and request.method == "GET":
        return redirect("plan_decisions", programme.pk)
    if item is None:
        raise Http404
    if item.answer is not None:
        messages.info(request, "This decision has already been recorded, so it is shown below.")
        return redirect("plan_decisions", programme.pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_decision(item, programme=programme, by=request.user, decision=form.cleaned_data["decision"])
        except services.NotNow as problem:
            messages.info(request, str(problem))
        else:
            messages.success(request, "The decision has been recorded. The group will see it in the plan.")
        return redirect("plan_decisions", programme.pk)
    context = page(
        request,
        programme,
        "report",
        item=item,
        form=form,
        breadcrumbs=[*_report_crumbs(programme), {"text": "Decisions", "href": reverse("plan_decisions", args=[pk])}],
    )
    return render(request, "planning/decision_new.html", context)


@require_http_methods(["GET", "POST"])
def report_sign_off(request, pk):
    report = get_for(
        request, scoped(ProgressReport, request.user).select_related("programme__service"), Perm.DECIDE, pk=pk
    )
    programme = report.programme
    if report.is_signed_off:
        messages.info(request, "This version of the report has already been signed off.")
        return redirect("plan_report", programme.pk)
    form = SignOffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_off(report, by=request.user, note=form.cleaned_data["note"])
        except services.NotNow as problem:
            messages.info(request, str(problem))
        else:
            messages.success(request, "You have signed off this version of the progress report.")
        return redirect("plan_report", programme.pk)
    context = page(request, programme, "report", report=report, form=form, breadcrumbs=_report_crumbs(programme))
    return render(request, "planning/report_sign_off.html", context)
