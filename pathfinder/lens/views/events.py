"""The list of lens events, setting one up, the lead's page for running it,
and the page each participant sees."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import confirm, dates
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.lens import presenters, services
from pathfinder.lens.forms import EventDetailsForm, EventNewForm, SupportForm
from pathfinder.lens.models import (
    EVENTS_NEWEST_FIRST,
    EventGroup,
    EventParticipant,
    Journey,
    JourneyNote,
    LensEvent,
    Priority,
    Stage,
    Tier,
)
from pathfinder.lens.views.access import event_page, get_event, page, participant_or
from pathfinder.programmes.models import Programme


def _crumbs(event):
    return [
        {"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])},
        {"text": event.title, "href": reverse("lens_event", args=[event.pk])},
    ]


@require_safe
def overview(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    service = programme.service
    events = list(
        scoped(LensEvent, request.user)
        .filter(programme=programme)
        .annotate(note_count=Count("groups__journeys__notes", distinct=True))
        .order_by(*EVENTS_NEWEST_FIRST)
    )
    mine = set(
        scoped(EventParticipant, request.user)
        .filter(event__programme=programme, membership__user=request.user)
        .values_list("event_id", flat=True)
    )
    has_stages = scoped(Stage, request.user).filter(pathway__service=service, retired_at__isnull=True).exists()
    context = page(
        request,
        service,
        programme=programme,
        events=events,
        mine=mine,
        has_stages=has_stages,
        can_manage=can(request.user, Perm.MANAGE_PROGRAMME, service),
        can_facilitate=can(request.user, Perm.RECORD_FINDINGS, service),
    )
    return render(request, "lens/overview.html", context)


@require_http_methods(["GET", "POST"])
def event_new(request, pk):
    programme = get_for(request, Programme, Perm.MANAGE_PROGRAMME, pk=pk)
    form = EventNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = services.create_event(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            "The event is set up. The agenda, support arrangements and facilitation plan start from a template: "
            "change anything you like.",
        )
        return redirect("lens_event", event.pk)
    context = page(
        request,
        programme.service,
        programme=programme,
        form=form,
        breadcrumbs=[{"text": "Lens events", "href": reverse("lens_overview", args=[programme.pk])}],
    )
    return render(request, "lens/event_new.html", context)


@require_safe
def event(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    groups = list(scoped(EventGroup, request.user).filter(event=event))
    participants = list(scoped(EventParticipant, request.user).filter(event=event))
    notes = scoped(JourneyNote, request.user).filter(journey__group__event=event).count()
    priorities = scoped(Priority, request.user).filter(event=event).count()
    context = event_page(
        request,
        event,
        groups=groups,
        tiers=dict(Tier.choices),
        participant_counts=presenters.participant_counts(participants),
        participants=len(participants),
        notes=notes,
        priorities=priorities,
        held_yet=dates.has_happened(event.held_on, today=timezone.localdate()),
        breadcrumbs=_crumbs(event)[:1],
    )
    return render(request, "lens/event.html", context)


def _versioned_edit(request, event, form_class, fields, template, success):
    initial = {name: getattr(event, name) for name in fields} | {"version": event.version}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event(
                event, version=form.cleaned_data["version"], **{name: form.cleaned_data[name] for name in fields}
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this event after you opened the page. Your changes are still below and have "
                "not been saved yet: check them and save again to keep them.",
            )
        else:
            messages.success(request, success)
            return redirect("lens_event", event.pk)
    return render(request, template, event_page(request, event, form=form, breadcrumbs=_crumbs(event)))


@require_http_methods(["GET", "POST"])
def event_details(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    return _versioned_edit(
        request, event, EventDetailsForm, services.DETAIL_FIELDS, "lens/event_details.html", "The details are saved."
    )


@require_http_methods(["GET", "POST"])
def event_support(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    return _versioned_edit(
        request,
        event,
        SupportForm,
        services.SUPPORT_FIELDS,
        "lens/event_support.html",
        "The support arrangements are saved. Everyone taking part can see them on their event page.",
    )


def _close_question(event) -> confirm.Confirmation:
    return confirm.Confirmation(
        caption=event.title,
        title="Close the event?",
        happens=[
            "Nobody can add notes or votes any more. Everything added so far is kept as it is.",
            "Everyone in the programme can read the event's report.",
            "Facilitators can still turn what the room found into findings for the plan.",
        ],
        cannot_undo=(
            "Once the report is shared, people may already have read it. You can reopen the event if something "
            "was missed, but that is recorded in the activity log."
        ),
        button="Close the event",
        back_href=reverse("lens_event", args=[event.pk]),
        back_text="Go back and keep the event open",
        carry={"version": event.version},
    )


def _stale_or_not_now(request, problem=None):
    if problem is None:
        messages.info(
            request, "The event changed while you had the page open, so nothing was done. Here is how it stands now."
        )
    else:
        messages.info(request, str(problem))


@require_http_methods(["GET", "POST"])
def event_close(request, pk):
    """Closing asks first, on the shared confirmation page (core.confirm)."""
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    if not confirm.confirmed(request):
        try:
            services.refuse_close_before_the_day(event)
        except services.NotNow as problem:
            _stale_or_not_now(request, problem)
            return redirect("lens_event", event.pk)
        context = event_page(request, event, breadcrumbs=_crumbs(event))
        return confirm.page(request, _close_question(event), context, action=reverse("lens_event_close", args=[pk]))
    try:
        services.close_event(event, version=int(request.POST.get("version", "")), by=request.user)
    except (ValueError, StaleEdit):
        _stale_or_not_now(request)
    except services.NotNow as problem:
        _stale_or_not_now(request, problem)
    else:
        messages.success(
            request,
            "The event is closed. Notes and votes are kept as they are, and everyone in the programme can read the "
            "report.",
        )
    return redirect("lens_event", event.pk)


@require_POST
def event_move(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    action = request.POST.get("action")
    if action == "close":
        # Never on one click: a close from an old page is asked about first.
        return event_close(request, pk)
    moves = {
        "open": (services.open_event, "The event is open. Participants can now add notes to their group's journeys."),
        "reopen": (services.reopen_event, "The event is open again for notes and votes."),
    }
    if action not in moves:
        return redirect("lens_event", event.pk)
    move, done = moves[action]
    try:
        move(event, version=int(request.POST.get("version", "")), by=request.user)
    except (ValueError, StaleEdit):
        _stale_or_not_now(request)
    except services.NotNow as problem:
        _stale_or_not_now(request, problem)
    else:
        messages.success(request, done)
    return redirect("lens_event", event.pk)


@require_safe
def my_event(request, pk):
    """What a participant sees: before, during and after the event. The lead
    can look too, to see what participants see."""
    event = get_event(request, pk)
    place = participant_or(request, event, Perm.MANAGE_PROGRAMME)
    journeys = []
    if place is not None and place.group_id is not None:
        journeys = list(
            scoped(Journey, request.user)
            .filter(group_id=place.group_id)
            .select_related("vignette")
            .order_by("position")
        )
    priorities = scoped(Priority, request.user).filter(event=event).exists()
    context = event_page(
        request,
        event,
        place=place,
        journeys=journeys,
        agenda=presenters.agenda_lines(event.agenda),
        tiers=dict(Tier.choices),
        has_priorities=priorities,
        can_manage=can(request.user, Perm.MANAGE_PROGRAMME, event),
        can_read_report=event.is_closed,
        breadcrumbs=[{"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])}],
    )
    return render(request, "lens/my_event.html", context)
