"""The service pathway: the visual everyone can see and print, and the lead's
editing pages. Stages are reordered with optimistic locking and retired, not
deleted, once journey notes refer to them."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped
from pathfinder.lens import presenters, services
from pathfinder.lens.forms import StageEditForm, StageForm
from pathfinder.lens.models import JourneyNote, Pathway, Stage
from pathfinder.lens.views.access import get_service, get_stage, page


def _pathway(request, service):
    return scoped(Pathway, request.user).filter(service=service).first()


def _stages(request, service) -> list[Stage]:
    return list(scoped(Stage, request.user).filter(pathway__service=service).order_by("position", "id"))


def _crumbs(service):
    return [{"text": "Service pathway", "href": reverse("lens_pathway", args=[service.slug])}]


@require_safe
def pathway(request, slug):
    service = get_service(request, slug)
    stages = [(stage, number) for stage, number in presenters.shown_stages(_stages(request, service), []) if number]
    context = page(
        request,
        service,
        stages=stages,
        can_edit=can(request.user, Perm.MANAGE_PROGRAMME, service),
    )
    return render(request, "lens/pathway.html", context)


@require_safe
def pathway_edit(request, slug):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    stages = _stages(request, service)
    with_notes = set(
        scoped(JourneyNote, request.user)
        .filter(stage__pathway__service=service)
        .values_list("stage_id", flat=True)
        .distinct()
    )
    path = _pathway(request, service)
    context = page(
        request,
        service,
        active=[stage for stage in stages if stage.retired_at is None],
        retired=[stage for stage in stages if stage.retired_at is not None],
        with_notes=with_notes,
        version=path.version if path else 0,
        breadcrumbs=_crumbs(service),
    )
    return render(request, "lens/pathway_edit.html", context)


@require_POST
def pathway_start(request, slug):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    try:
        services.start_with_usual_stages(service)
    except services.NotNow as problem:
        messages.info(request, str(problem))
    else:
        messages.success(
            request, "Eight usual stages are in place. Change, move or remove them so they match your service."
        )
    return redirect("lens_pathway_edit", service.slug)


@require_http_methods(["GET", "POST"])
def stage_new(request, slug):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    form = StageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        stage = services.add_stage(service, **form.cleaned_data)
        messages.success(request, f"“{stage.name}” is added at the end of the pathway.")
        return redirect("lens_pathway_edit", service.slug)
    context = page(
        request,
        service,
        form=form,
        breadcrumbs=[*_crumbs(service), {"text": "Edit", "href": reverse("lens_pathway_edit", args=[service.slug])}],
    )
    return render(request, "lens/stage_form.html", context)


def _stage_initial(stage) -> dict:
    return {name: getattr(stage, name) for name in services.STAGE_FIELDS} | {"version": stage.version}


@require_http_methods(["GET", "POST"])
def stage_edit(request, slug, pk):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    stage = get_stage(request, service, pk)
    form = StageEditForm(request.POST or None, initial=_stage_initial(stage))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.STAGE_FIELDS}
        try:
            services.edit_stage(stage, version=form.cleaned_data["version"], **fields)
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                f"Someone else changed this stage after you opened it. It is now called “{stale.current.name}”. "
                "Your changes are still below, on top of theirs, and have not been saved yet: save again to keep them.",
                current=_stage_initial(stale.current),
            )
        else:
            messages.success(request, f"“{stage.name}” is saved.")
            return redirect("lens_pathway_edit", service.slug)
    context = page(
        request,
        service,
        form=form,
        stage=stage,
        breadcrumbs=[*_crumbs(service), {"text": "Edit", "href": reverse("lens_pathway_edit", args=[service.slug])}],
    )
    return render(request, "lens/stage_form.html", context)


@require_POST
def stage_move(request, slug, pk):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    stage = get_stage(request, service, pk)
    try:
        version = int(request.POST.get("version", ""))
        services.move_stage(stage, direction=request.POST.get("direction", ""), version=version)
    except (ValueError, StaleEdit):
        messages.info(
            request,
            "Someone else changed the pathway after you opened this page, so nothing was moved. "
            "Here is the order as it is now. Notes added in the meantime are all kept.",
        )
    except services.NotNow as problem:
        messages.info(request, str(problem))
    return redirect(reverse("lens_pathway_edit", args=[service.slug]) + f"#stage-{stage.pk}")


@require_http_methods(["GET", "POST"])
def stage_remove(request, slug, pk):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    stage = get_stage(request, service, pk)
    if request.method == "POST":
        outcome = services.remove_stage(stage, by=request.user)
        if outcome == "deleted":
            messages.success(request, f"“{stage.name}” is removed from the pathway.")
        else:
            messages.success(
                request,
                f"“{stage.name}” has notes from a lens event, so it is retired rather than deleted: it no longer "
                "shows on the pathway or the leaflet, and its notes are kept. You can bring it back at any time.",
            )
        return redirect("lens_pathway_edit", service.slug)
    notes = scoped(JourneyNote, request.user).filter(stage=stage).count()
    context = page(
        request,
        service,
        stage=stage,
        notes=notes,
        breadcrumbs=[*_crumbs(service), {"text": "Edit", "href": reverse("lens_pathway_edit", args=[service.slug])}],
    )
    return render(request, "lens/stage_remove.html", context)


@require_POST
def stage_restore(request, slug, pk):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    stage = get_stage(request, service, pk)
    services.restore_stage(stage)
    messages.success(request, f"“{stage.name}” is back on the pathway, at the end. Move it to where it belongs.")
    return redirect("lens_pathway_edit", service.slug)
