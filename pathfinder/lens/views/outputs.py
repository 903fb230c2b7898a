"""What the event produces: the report (page, PDF, Word), findings for the
implementation plan, and the communications leaflet."""

from dataclasses import replace

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import documents
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import require, scoped
from pathfinder.lens import presenters, services, wording
from pathfinder.lens.forms import FindingThemeForm, LeafletForm
from pathfinder.lens.models import EventParticipant, JourneyNote, Priority, Stage
from pathfinder.lens.views.access import event_page, get_event, visible_report_event
from pathfinder.lens.views.journeys import event_map
from pathfinder.lens.views.priorities import ranked_priorities
from pathfinder.programmes.models import Finding

LAYOUTS = {"standard": False, "easy-read": True}
# Stands for "note-12" or "priority-3" in the report's one rendered theme question.
THEME_PREFIX = "pf-theme-item"


def report_data(request, event) -> dict:
    groups, journeys, notes, stages = event_map(request, event)
    participants = list(scoped(EventParticipant, request.user).filter(event=event))
    return {
        "participants": participants,
        "groups": groups,
        "journeys": journeys,
        "notes": notes,
        "stages": stages,
        "priorities": ranked_priorities(request, event),
    }


@require_safe
def results(request, pk):
    event = visible_report_event(request, pk)
    data = report_data(request, event)
    made = {
        source_id.split(":", 1)[1]
        for source_id in scoped(Finding, request.user)
        .filter(programme=event.programme, source_type="lens", source_id__startswith=f"{event.pk}:")
        .values_list("source_id", flat=True)
    }
    can_record = can(request.user, Perm.RECORD_FINDINGS, event)
    # Every "add to findings" form is the same unbound form but for its prefix,
    # so the theme question is rendered once and the prefix put into each copy
    # (rendering it per note made the report grow by a macro call per note).
    theme_form = FindingThemeForm(prefix=THEME_PREFIX) if can_record else None
    lane = presenters.swimlane(data["stages"], data["groups"], data["journeys"], data["notes"])
    context = event_page(
        request,
        event,
        priorities=data["priorities"],
        counts=presenters.participant_counts(data["participants"]),
        taking_part=len(data["participants"]),
        principle_rows=_principle_rows(data["notes"]),
        principle_groups=presenters.by_principle(data["notes"]),
        stage_groups=presenters.by_stage(data["stages"], data["notes"]),
        lane=lane,
        totals=presenters.count_sentence(lane.totals),
        total=len(data["notes"]),
        made=made,
        theme_form=theme_form,
        theme_prefix=THEME_PREFIX,
        can_record=can_record,
        can_export=can(request.user, Perm.EXPORT_DATA, event),
        can_manage=can(request.user, Perm.MANAGE_PROGRAMME, event),
        kind_plurals=presenters.KIND_PLURALS,
        breadcrumbs=[
            {"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])},
            *(
                [{"text": event.title, "href": reverse("lens_event", args=[event.pk])}]
                if can(request.user, Perm.MANAGE_PROGRAMME, event)
                else []
            ),
        ],
    )
    return render(request, "lens/results.html", context)


def _principle_rows(notes) -> list[tuple[str, dict[str, int]]]:
    rows = []
    for value, label in presenters.Principle.choices:
        rows.append((label, presenters.counts_of([note for note in notes if value in note.principles])))
    return rows


@require_POST
def make_finding(request, pk):
    event = visible_report_event(request, pk)
    require(request, Perm.RECORD_FINDINGS, event)
    what, _, item = request.POST.get("item", "").partition(":")
    if what not in {"note", "priority"} or not item.isdigit():
        raise Http404
    form = FindingThemeForm(request.POST, prefix=f"{what}-{item}")
    theme = form.cleaned_data["theme"] if form.is_valid() else "service_design"
    if what == "note":
        note = (
            scoped(JourneyNote, request.user)
            .filter(journey__group__event=event, pk=item)
            .select_related("journey__vignette", "journey__group", "stage")
            .first()
        )
        if note is None:
            raise Http404
        _, created = services.make_note_finding(note, theme=theme, by=request.user)
    else:
        priority = scoped(Priority, request.user).filter(event=event, pk=item).prefetch_related("notes").first()
        if priority is None:
            raise Http404
        _, created = services.make_priority_finding(priority, theme=theme, by=request.user)
    if created:
        messages.success(request, "Added to the programme's findings, ready for the implementation plan.")
    else:
        messages.info(request, "This is already in the programme's findings, so it was not added twice.")
    return redirect(reverse("lens_results", args=[event.pk]) + f"#{what}-{item}")


@require_safe
def export(request, pk, fmt):
    if fmt not in {"pdf", "docx"}:
        raise Http404
    event = visible_report_event(request, pk, Perm.EXPORT_DATA)
    data = report_data(request, event)
    service = event.programme.service
    document = presenters.report_document(event=event, service=service, **data)
    return documents.deliver(
        request,
        service=service,
        target=event,
        what="lens report",
        fmt=fmt,
        filename=f"{service.slug}-{event.title}-report",
        # Before the event closes, only facilitators may see its report (visible_report_event).
        perm=[Perm.EXPORT_DATA] if event.is_closed else [Perm.EXPORT_DATA, Perm.RECORD_FINDINGS],
        document=document,
    )


@require_http_methods(["GET", "POST"])
def leaflet(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    rows = ranked_priorities(request, event)
    progress = event.leaflet_progress or wording.leaflet_progress_draft([row.priority for row in rows[:3]])
    initial = {
        "leaflet_intro": event.leaflet_intro,
        "leaflet_progress": progress,
        "leaflet_feedback": event.leaflet_feedback,
        "leaflet_contact": event.leaflet_contact,
        "version": event.version,
    }
    form = LeafletForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event(
                event,
                version=form.cleaned_data["version"],
                **{name: form.cleaned_data[name] for name in services.LEAFLET_FIELDS},
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this event after you opened the page. Your words are still below and have "
                "not been saved yet: save again to keep them.",
            )
        else:
            messages.success(request, "The leaflet's words are saved. Download it below to check and print it.")
            return redirect(reverse("lens_leaflet", args=[event.pk]) + "#download")
    stages = [
        stage
        for stage in scoped(Stage, request.user)
        .filter(pathway__service=event.programme.service)
        .order_by("position", "id")
        if stage.retired_at is None
    ]
    context = event_page(
        request,
        event,
        form=form,
        stages=stages,
        drafted=not event.leaflet_progress and bool(progress),
        breadcrumbs=[
            {"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])},
            {"text": event.title, "href": reverse("lens_event", args=[event.pk])},
        ],
    )
    return render(request, "lens/leaflet.html", context)


@require_safe
def leaflet_pdf(request, pk, layout):
    if layout not in LAYOUTS:
        raise Http404
    event = get_event(request, pk)
    service = event.programme.service
    stages = list(scoped(Stage, request.user).filter(pathway__service=service))
    document = presenters.leaflet_document(event=event, service=service, stages=stages, easy_read=LAYOUTS[layout])
    suffix = "-easy-read" if LAYOUTS[layout] else ""
    return documents.deliver(
        request,
        service=service,
        target=event,
        what="leaflet (easy read)" if LAYOUTS[layout] else "leaflet",
        fmt="pdf",
        filename=f"{service.slug}-leaflet{suffix}",
        perm=Perm.VIEW_PROGRAMME,
        document=replace(document, large_print=LAYOUTS[layout]),
    )
