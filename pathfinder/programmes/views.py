from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Service
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.readahead import evaluate, read_ahead
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, once, require, scoped, shared_lookups
from pathfinder.programmes import services
from pathfinder.programmes.domain import (
    PHASE_DESCRIPTIONS,
    PRINCIPLE_DESCRIPTIONS,
    Phase,
    Principle,
    Theme,
    described,
)
from pathfinder.programmes.forms import FindingEditForm, FindingForm, PhaseForm, StartProgrammeForm
from pathfinder.programmes.models import Finding, Programme, ProgrammePhase
from pathfinder.programmes.presenters import finding_rows, theme_rows
from pathfinder.programmes.registry import page_reads, panels

RECENT_FINDINGS = 10
FINDINGS_PAGE = 50


@require_http_methods(["GET", "POST"])
def service_home(request, slug):
    """The programme dashboard if the service has started one; otherwise how to start."""
    service = get_for(request, Service, Perm.VIEW_PROGRAMME, slug=slug)
    programme = services.current_programme(service)
    if programme is not None:
        return redirect("programme_dashboard", programme.pk)
    form = None
    if can(request.user, Perm.MANAGE_PROGRAMME, service):
        form = StartProgrammeForm(request.POST or None, initial={"started_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            programme = services.start_programme(service=service, by=request.user, **form.cleaned_data)
            messages.success(request, "Your programme has started. The first phase is under way.")
            return redirect("programme_dashboard", programme.pk)
    elif request.method == "POST":
        require(request, Perm.MANAGE_PROGRAMME, service)
    context = service_context(
        request, service, current="programme", form=form, phases=described(Phase, PHASE_DESCRIPTIONS)
    )
    return render(request, "programmes/start.html", context)


@require_safe
def dashboard(request, pk):
    # The panels ask for some of the same things (and the Progress panel for
    # every tool's measures): each is read once for the page.
    with shared_lookups():
        return _dashboard(request, pk)


def _dashboard(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    service = programme.service
    user = request.user
    own = {
        ("dashboard-phases", programme.pk): programme.phases.all(),
        ("dashboard-finding-counts", user.pk, programme.pk): scoped(Finding, user)
        .filter(programme=programme)
        .values("theme", "kind")
        .annotate(total=Count("id"))
        .order_by(),
        ("dashboard-recent-findings", user.pk, programme.pk): scoped(Finding, user)
        .filter(programme=programme)
        .select_related("created_by")[:RECENT_FINDINGS],
    }
    # The page's reads and its panels' go to the database as one statement
    # (core/readahead.py); each is then answered from what it returned.
    read_ahead(own | page_reads("dashboard", programme, user))
    phases, counts, recent = (once(key, lambda read=read: evaluate(read)) for key, read in own.items())
    context = service_context(
        request,
        service,
        programme=programme,
        current="programme",
        phases=sorted(phases, key=lambda phase: phase.order),
        phase_descriptions=PHASE_DESCRIPTIONS,
        themes=theme_rows(counts),
        principles=described(Principle, PRINCIPLE_DESCRIPTIONS),
        recent_findings=finding_rows(recent, request.user),
        panels=[(panel, panel.context(programme, request)) for panel in panels()],
        can_manage=can(request.user, Perm.MANAGE_PROGRAMME, service),
        can_record=can(request.user, Perm.RECORD_FINDINGS, service),
    )
    return render(request, "programmes/dashboard.html", context)


@require_http_methods(["GET", "POST"])
def phase_edit(request, pk, phase):
    programme = get_for(request, Programme, Perm.MANAGE_PROGRAMME, pk=pk)
    row = get_for(
        request, scoped(ProgrammePhase, request.user).filter(programme=programme), Perm.MANAGE_PROGRAMME, phase=phase
    )
    form = PhaseForm(
        request.POST or None,
        initial={"status": row.status, "starts_on": row.starts_on, "ends_on": row.ends_on, "version": row.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_phase(
                row,
                status=data["status"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                version=data["version"],
                by=request.user,
            )
            messages.success(request, f"“{row.get_phase_display()}” has been updated.")
            return redirect("programme_dashboard", programme.pk)
        except StaleEdit as stale:
            current = stale.current
            form = form.after_stale_save(
                current.version,
                "Someone else updated this phase while you had it open, so your changes have not been saved yet. "
                f"It now says: {current.get_status_display()}"
                f"{', from ' + current.starts_on.isoformat() if current.starts_on else ''}"
                f"{', to ' + current.ends_on.isoformat() if current.ends_on else ''}. "
                "Your changes are still in the form below: save again to keep them.",
                current={
                    "status": current.status,
                    "starts_on": current.starts_on,
                    "ends_on": current.ends_on,
                    "version": current.version,
                },
            )
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="programme",
        phase=row,
        form=form,
        breadcrumbs=[{"text": "Programme", "href": programme_url(programme)}],
    )
    return render(request, "programmes/phase_edit.html", context)


@require_http_methods(["GET", "POST"])
def findings(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    theme = request.GET.get("theme", "")
    listed = scoped(Finding, request.user).filter(programme=programme).select_related("created_by")
    if theme in Theme.values:
        listed = listed.filter(theme=theme)
    can_record = can(request.user, Perm.RECORD_FINDINGS, programme.service)
    form = None
    if request.method == "POST":
        require(request, Perm.RECORD_FINDINGS, programme)
    if can_record:
        form = FindingForm(request.POST or None, initial={"theme": theme} if theme in Theme.values else None)
        if request.method == "POST" and form.is_valid():
            services.add_finding(programme=programme, by=request.user, **form.cleaned_data)
            messages.success(request, "The finding has been added.")
            return redirect("programme_findings", programme.pk)
    page = Paginator(listed, FINDINGS_PAGE).get_page(request.GET.get("page"))
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="programme",
        page=page,
        findings=finding_rows(page.object_list, request.user),
        theme=theme,
        themes=Theme.choices,
        form=form,
    )
    return render(request, "programmes/findings.html", context)


@require_http_methods(["GET", "POST"])
def finding_edit(request, pk, finding):
    """The person who recorded a finding corrects it, until an action answers it."""
    programme = get_for(request, Programme, Perm.RECORD_FINDINGS, pk=pk)
    row = get_for(request, scoped(Finding, request.user).filter(programme=programme), Perm.RECORD_FINDINGS, pk=finding)
    if row.created_by_id != request.user.pk:
        raise PermissionDenied
    reason = services.why_not_editable(row, request.user)
    form = None
    if reason is None:
        form = FindingEditForm(request.POST or None, initial=FindingEditForm.initial_from(row))
        if row.source_type != "manual":
            del form.fields["source_label"]  # a tool's label says where it came from
        if request.method == "POST" and form.is_valid():
            try:
                services.edit_finding(row, by=request.user, **form.cleaned_data)
            except services.NotEditable as refused:
                reason, form = str(refused), None
            except StaleEdit as stale:
                form = form.after_stale_save(
                    stale.current.version,
                    "This finding was changed in another window or on another device after you opened it, "
                    "so your changes have not been saved yet. Check the answers below and save again to keep them.",
                    initial=FindingEditForm.initial_from(stale.current),
                )
                if row.source_type != "manual":
                    del form.fields["source_label"]
            else:
                messages.success(request, "The finding has been changed.")
                return redirect("programme_findings", programme.pk)
    elif request.method == "POST":
        messages.info(request, f"Nothing was changed. {reason}")
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="programme",
        finding=row,
        form=form,
        reason=reason,
        breadcrumbs=[{"text": "Findings", "href": reverse("programme_findings", args=[programme.pk])}],
    )
    return render(request, "programmes/finding_edit.html", context)


def programme_url(programme) -> str:
    return reverse("programme_dashboard", args=[programme.pk])
