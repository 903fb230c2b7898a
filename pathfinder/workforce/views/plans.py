"""Training plans: drafting one, reading it, the lead's small edits, and the download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped
from pathfinder.reports import exports
from pathfinder.surveys.models import Survey
from pathfinder.workforce import plans, presenters, training
from pathfinder.workforce.forms import PlanLineDetailsForm, PlanLineForm, PlanNewForm
from pathfinder.workforce.models import PlanLine, StaffMember, WorkforceProfile
from pathfinder.workforce.practice_levels import JOB_ROLE_PLURALS, JOB_ROLES
from pathfinder.workforce.views.access import MANAGE, get_plan, get_programme, training_context

PLAN_CHANGED = (
    "Someone else changed this plan after you opened the page, so nothing was changed. "
    "Here is the plan as it is now: check it and try again if you still want to."
)


def _tna_surveys(request, programme):
    """The programme's training needs analyses, closed and still open."""
    surveys = (
        scoped(Survey, request.user)
        .filter(programme=programme, kind=Survey.Kind.TNA)
        .select_related("instrument_version")
    )
    closed = [survey for survey in surveys if survey.has_closed()]
    return closed, [survey for survey in surveys if not survey.has_closed()]


@require_http_methods(["GET", "POST"])
def plan_new(request, pk):
    programme = get_programme(request, pk, MANAGE)
    closed, still_open = _tna_surveys(request, programme)
    if not can(request.user, Perm.VIEW_SURVEY_RESULTS, programme.service):
        closed = []
    form = PlanNewForm(
        request.POST or None, surveys=closed, initial={"survey": str(closed[0].pk) if closed else "none"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = plans.draft_plan(
                programme, form.chosen_survey(), request.user, title=form.cleaned_data["title"].strip()
            )
        except plans.PlanRefused as refused:
            form.add_error("survey", str(refused))
        else:
            messages.success(request, "The draft plan is ready. Check it, remove or add lines, and set priorities.")
            return redirect("training_plan", plan.pk)
    context = training_context(
        request, programme, section="plans", form=form, still_open=still_open, long_date=plans.long_date
    )
    return render(request, "workforce/training/plan_new.html", context)


@require_safe
def plan_detail(request, pk):
    plan = get_plan(request, pk)
    programme = plan.programme
    lines = list(scoped(PlanLine, request.user).filter(plan=plan).select_related("entry", "owner__user"))
    staff = dict(
        scoped(WorkforceProfile, request.user)
        .filter(membership__in=training.staff_queryset(programme.service))
        .values_list("job_role")
        .annotate(count=Count("id"))
        .order_by()
    )
    # People in the register without an account have a job role too.
    for role, count in (
        scoped(StaffMember, request.user)
        .filter(service=programme.service)
        .values_list("job_role")
        .annotate(count=Count("id"))
        .order_by()
    ):
        staff[role] = staff.get(role, 0) + count
    service = programme.service
    context = training_context(
        request,
        programme,
        section="plan",
        plan=plan,
        roles=presenters.plan_roles(plan, lines, staff),
        lines=len(lines),
        high=sum(1 for line in lines if line.priority == PlanLine.Priority.HIGH),
        can_export=can(request.user, Perm.EXPORT_DATA, service),
        duration_text=presenters.duration_text,
        format_label=presenters.format_label,
        level_label=presenters.level_label,
        line_when=presenters.line_when,
        money=presenters.money,
    )
    return render(request, "workforce/training/plan.html", context)


def _back_to(plan, role=""):
    return redirect(reverse("training_plan", args=[plan.pk]) + (f"#role-{role}" if role in JOB_ROLES else ""))


@require_http_methods(["GET", "POST"])
def line_add(request, pk):
    plan = get_plan(request, pk, MANAGE)
    programme = plan.programme
    entries = training.active_entries(programme.service)
    role = request.GET.get("role", "")
    form = PlanLineForm(
        request.POST or None,
        entries=entries,
        initial={
            "job_role": role if role in JOB_ROLES else "",
            "kind": "core",
            "priority": "normal",
            "version": plan.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plans.add_line(
                plan,
                job_role=data["job_role"],
                entry=form.chosen_entry(),
                kind=data["kind"],
                priority=data["priority"],
                note=data["note"],
                version=data["version"],
                by=request.user,
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this plan after you opened this page, so the line has not been added yet. "
                "Your choices are still below: add it again if it is still needed.",
                entries=entries,
            )
        except plans.PlanRefused as refused:
            form.add_error("entry", str(refused))
        else:
            messages.success(
                request, f"“{form.chosen_entry().title}” is in the plan for {JOB_ROLE_PLURALS[data['job_role']]}."
            )
            return _back_to(plan, data["job_role"])
    context = training_context(
        request,
        programme,
        section="plan",
        crumbs=[{"text": plan.title, "href": reverse("training_plan", args=[plan.pk])}],
        plan=plan,
        form=form,
    )
    return render(request, "workforce/training/line_add.html", context)


def _line_change(request, pk, line, change):
    plan = get_plan(request, pk, MANAGE)
    try:
        version = int(request.POST.get("version", ""))
        done = change(plan, version)
    except (ValueError, StaleEdit):
        messages.info(request, PLAN_CHANGED)
        return _back_to(plan, request.POST.get("role", ""))
    except plans.LineGone:
        messages.info(request, "That line had already been removed from the plan.")
        return _back_to(plan, request.POST.get("role", ""))
    messages.success(request, done[1])
    return _back_to(plan, done[0].job_role)


@require_POST
def line_remove(request, pk, line):
    def remove(plan, version):
        removed = plans.remove_line(plan, line, version=version, by=request.user)
        return removed, f"“{removed.entry.title}” is no longer in the plan for {JOB_ROLE_PLURALS[removed.job_role]}."

    return _line_change(request, pk, line, remove)


@require_POST
def line_priority(request, pk, line):
    def prioritise(plan, version):
        priority = request.POST.get("priority", "")
        if priority not in PlanLine.Priority.values:
            raise Http404
        changed = plans.set_priority(plan, line, priority, version=version, by=request.user)
        return (
            changed,
            f"“{changed.entry.title}” is now {changed.get_priority_display().lower()} for {JOB_ROLE_PLURALS[changed.job_role]}.",
        )

    return _line_change(request, pk, line, prioritise)


@require_safe
def plan_export(request, pk):
    plan = get_plan(request, pk, Perm.EXPORT_DATA)
    lines = list(scoped(PlanLine, request.user).filter(plan=plan).select_related("entry", "owner__user"))
    audit.record(
        audit.Kind.EXPORT,
        actor=request.user,
        service=plan.programme.service,
        target=plan,
        format="xlsx",
        what="training plan",
    )
    name = f"{plan.programme.service.slug}-{plan.title}"
    return exports.xlsx_response(presenters.plan_tables(plan, lines), f"{name}.xlsx")


def _owners(request, programme):
    members = (
        scoped(Membership, request.user)
        .filter(service=programme.service)
        .active()
        .select_related("user")
        .order_by("user__full_name", "pk")
    )
    return plans.owner_choices(members)


def _get_line(request, plan, line):
    found = scoped(PlanLine, request.user).filter(plan=plan, pk=line).select_related("entry", "owner__user").first()
    if found is None:
        raise Http404
    return found


@require_http_methods(["GET", "POST"])
def line_details(request, pk, line):
    plan = get_plan(request, pk, MANAGE)
    programme = plan.programme
    found = _get_line(request, plan, line)
    owners = _owners(request, programme)
    form = PlanLineDetailsForm(
        request.POST or None,
        owners=owners,
        initial={
            "starts_on": found.starts_on,
            "due_on": found.due_on,
            "cost": found.cost,
            "owner": str(found.owner_id or ""),
            "version": plan.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plans.set_line_details(
                plan,
                found.pk,
                starts_on=data["starts_on"],
                due_on=data["due_on"],
                cost=data["cost"],
                owner=data["owner"],
                version=data["version"],
                by=request.user,
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this plan after you opened this page, so nothing was saved yet. "
                "What you typed is still below: save again to use it.",
                owners=owners,
            )
        except plans.LineGone:
            messages.info(request, "That line had already been removed from the plan.")
            return _back_to(plan)
        except plans.PlanRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"The dates, cost and owner of “{found.entry.title}” are saved.")
            return _back_to(plan, found.job_role)
    context = training_context(
        request,
        programme,
        section="plan",
        crumbs=[{"text": plan.title, "href": reverse("training_plan", args=[plan.pk])}],
        plan=plan,
        line=found,
        form=form,
        role_plural=JOB_ROLE_PLURALS[found.job_role],
        action_title=plans.action_title(found),
        may_plan=can(request.user, Perm.RECORD_FINDINGS, programme.service),
        level_label=presenters.level_label,
    )
    return render(request, "workforce/training/line_details.html", context)


@require_POST
def line_action(request, pk, line):
    plan = get_plan(request, pk, MANAGE)
    if not can(request.user, Perm.RECORD_FINDINGS, plan.programme.service):
        raise PermissionDenied
    found = _get_line(request, plan, line)
    try:
        action = plans.line_to_action(plan, found.pk, version=int(request.POST.get("version", "")), by=request.user)
    except (ValueError, StaleEdit):
        messages.info(request, PLAN_CHANGED)
        return redirect("training_plan_line", plan.pk, found.pk)
    except plans.LineGone:
        messages.info(request, "That line had already been removed from the plan.")
        return _back_to(plan)
    except plans.PlanRefused as refused:
        messages.info(request, str(refused))
        return redirect("training_plan_line", plan.pk, found.pk)
    messages.success(
        request, f"“{action.title}” is now an action in the implementation plan, with its cost in the budget."
    )
    return redirect("plan_action", action.pk)
