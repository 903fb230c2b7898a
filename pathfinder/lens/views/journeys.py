"""Journey mapping: a group walks a fictional person through the pathway and
adds notes at each stage; the facilitator watches the map fill in."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped
from pathfinder.lens import presenters, services
from pathfinder.lens.forms import NoteForm
from pathfinder.lens.models import EventGroup, Journey, JourneyNote, Stage, Tier
from pathfinder.lens.views.access import event_page, get_event, get_journey, get_stage


def _stages(request, service) -> list[Stage]:
    return list(scoped(Stage, request.user).filter(pathway__service=service).order_by("position", "id"))


def event_map(request, event):
    """Everything the swimlane needs, in five queries however big the event.

    Each note is given its journey (with its fictional person) and its stage
    from those already read, not joined in again for every note: at 300 notes
    that was 900 more objects to build."""
    groups = list(scoped(EventGroup, request.user).filter(event=event))
    journeys = list(scoped(Journey, request.user).filter(group__event=event).select_related("vignette"))
    notes = list(scoped(JourneyNote, request.user).filter(journey__group__event=event))
    stages = _stages(request, event.programme.service)
    journey_of = {journey.pk: journey for journey in journeys}
    stage_of = {stage.pk: stage for stage in stages}
    for note in notes:
        # Always found: anything else (not expected) is read when it is used, as before.
        if note.journey_id in journey_of:
            note.journey = journey_of[note.journey_id]
        if note.stage_id in stage_of:
            note.stage = stage_of[note.stage_id]
    return groups, journeys, notes, stages


@require_safe
def live(request, pk):
    event = get_event(request, pk, Perm.RECORD_FINDINGS)
    groups, journeys, notes, stages = event_map(request, event)
    lane = presenters.swimlane(stages, groups, journeys, notes)
    by_group: dict[int, list] = {}
    for journey in sorted(journeys, key=lambda each: each.position):
        by_group.setdefault(journey.group_id, []).append(journey)
    context = event_page(
        request,
        event,
        lane=lane,
        journeys=by_group,
        total=len(notes),
        totals=presenters.count_sentence(lane.totals),
        tiers=dict(Tier.choices),
        breadcrumbs=[
            {"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])},
            *(
                [{"text": event.title, "href": reverse("lens_event", args=[event.pk])}]
                if can(request.user, Perm.MANAGE_PROGRAMME, event)
                else []
            ),
        ],
    )
    return render(request, "lens/live.html", context)


@require_safe
def journey(request, pk):
    journey, place = get_journey(request, pk)
    event = journey.group.event
    notes = list(scoped(JourneyNote, request.user).filter(journey=journey).select_related("journey__vignette"))
    stages = presenters.shown_stages(_stages(request, event.programme.service), notes)
    by_stage: dict[int, list] = {}
    for note in notes:
        by_stage.setdefault(note.stage_id, []).append(presenters.note_view(note))
    context = event_page(
        request,
        event,
        journey=journey,
        place=place,
        stages=stages,
        by_stage=by_stage,
        tiers=dict(Tier.choices),
        can_correct=can(request.user, Perm.RECORD_FINDINGS, event),
        breadcrumbs=_crumbs(event, place),
    )
    return render(request, "lens/journey.html", context)


def _crumbs(event, place):
    if place is not None:
        return [{"text": "Your event page", "href": reverse("lens_my_event", args=[event.pk])}]
    return [{"text": "The map", "href": reverse("lens_live", args=[event.pk])}]


@require_http_methods(["GET", "POST"])
def journey_stage(request, pk, stage):
    journey, place = get_journey(request, pk)
    event = journey.group.event
    service = event.programme.service
    stage = get_stage(request, service, stage)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_note(
                journey,
                stage,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                principles=form.cleaned_data["principles"],
                participant_kind=form.cleaned_data["participant_kind"],
            )
        except services.NotNow as problem:
            # Keep what they typed on the page, with the reason it was not added.
            form.add_error(None, str(problem))
            event.refresh_from_db(fields=["status"])
            stage.refresh_from_db(fields=["retired_at"])
        else:
            messages.success(request, "Your note is added. Add another, or go on to the next stage.")
            return redirect("lens_journey_stage", journey.pk, stage.pk)
    active = [each for each, number in presenters.shown_stages(_stages(request, service), []) if number]
    index = next((i for i, each in enumerate(active) if each.pk == stage.pk), None)
    notes = [
        presenters.note_view(note)
        for note in scoped(JourneyNote, request.user)
        .filter(journey=journey, stage=stage)
        .select_related("journey__vignette")
    ]
    context = event_page(
        request,
        event,
        journey=journey,
        stage=stage,
        number=None if index is None else index + 1,
        count=len(active),
        previous=active[index - 1] if index else None,
        following=active[index + 1] if index is not None and index + 1 < len(active) else None,
        notes=notes,
        form=form,
        can_add=event.is_open and stage.retired_at is None,
        can_correct=can(request.user, Perm.RECORD_FINDINGS, event),
        breadcrumbs=[
            *_crumbs(event, place),
            {"text": f"{journey.vignette.name}'s journey", "href": reverse("lens_journey", args=[journey.pk])},
        ],
    )
    return render(request, "lens/journey_stage.html", context)
