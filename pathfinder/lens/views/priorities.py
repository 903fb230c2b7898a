"""Priorities: the facilitator groups barriers and ideas into areas for
improvement, and participants vote within their allowance."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.lens import presenters, services
from pathfinder.lens.forms import PriorityEditForm, PriorityForm
from pathfinder.lens.models import JourneyNote, NoteKind, Priority, Vote
from pathfinder.lens.views.access import event_page, get_event, my_place


def _crumbs(event):
    return [
        {"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])},
        {"text": event.title, "href": reverse("lens_event", args=[event.pk])},
    ]


def _candidates(request, event) -> list[JourneyNote]:
    """Barriers and ideas, the raw material for areas for improvement."""
    return list(
        scoped(JourneyNote, request.user)
        .filter(journey__group__event=event, kind__in=[NoteKind.BARRIER, NoteKind.IDEA])
        .select_related("stage", "journey__vignette")
        .order_by("stage__position", "kind", "id")
    )


def ranked_priorities(request, event) -> list[presenters.RankedPriority]:
    priorities = list(scoped(Priority, request.user).filter(event=event))
    votes = dict(
        scoped(Vote, request.user)
        .filter(priority__event=event)
        .values("priority")
        .annotate(total=Count("id"))
        .values_list("priority", "total")
    )
    links: dict[int, list] = {}
    for priority_id, note_id in (
        scoped(JourneyNote, request.user)
        .filter(journey__group__event=event, priorities__isnull=False)
        .values_list("priorities", "pk")
    ):
        links.setdefault(priority_id, []).append(note_id)
    return presenters.ranked(priorities, votes, links)


@require_http_methods(["GET", "POST"])
def priorities(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    candidates = _candidates(request, event)
    form = PriorityForm(request.POST or None, notes=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            priority = services.add_priority(
                event,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                notes=form.chosen_notes(),
            )
        except services.NotNow as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"“{priority.title}” is added to the areas for improvement.")
            return redirect("lens_priorities", event.pk)
    rows = ranked_priorities(request, event)
    linked = {note_id for row in rows for note_id in row.notes}
    context = event_page(
        request,
        event,
        rows=rows,
        form=form,
        candidates=len(candidates),
        unlinked=[presenters.note_view(note) for note in candidates if note.pk not in linked],
        breadcrumbs=_crumbs(event),
    )
    return render(request, "lens/priorities.html", context)


def _get_priority(request, pk) -> Priority:
    priorities = scoped(Priority, request.user).select_related("event__programme__service")
    return get_for(request, priorities, Perm.MANAGE_PROGRAMME, pk=pk)


@require_http_methods(["GET", "POST"])
def priority_edit(request, pk):
    priority = _get_priority(request, pk)
    event = priority.event
    candidates = _candidates(request, event)
    initial = {
        "title": priority.title,
        "description": priority.description,
        "notes": [str(note_id) for note_id in priority.notes.values_list("pk", flat=True)],
        "room_votes": priority.room_votes,
        "version": priority.version,
    }
    form = PriorityEditForm(request.POST or None, initial=initial, notes=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_priority(
                priority,
                version=form.cleaned_data["version"],
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                notes=form.chosen_notes(),
                room_votes=form.cleaned_data["room_votes"] or 0,
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this area after you opened it. Your changes are still below: save again to keep them.",
                notes=candidates,
            )
        except services.NotNow as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"“{form.cleaned_data['title']}” is saved.")
            return redirect("lens_priorities", event.pk)
    context = event_page(
        request,
        event,
        priority=priority,
        form=form,
        breadcrumbs=[*_crumbs(event), {"text": "Priorities", "href": reverse("lens_priorities", args=[event.pk])}],
    )
    return render(request, "lens/priority_edit.html", context)


@require_POST
def priority_remove(request, pk):
    priority = _get_priority(request, pk)
    try:
        services.remove_priority(priority)
    except services.NotNow as problem:
        messages.info(request, str(problem))
    else:
        messages.success(request, f"“{priority.title}” is removed, with any votes it had.")
    return redirect("lens_priorities", priority.event_id)


@require_http_methods(["GET", "POST"])
def vote(request, pk):
    event = get_event(request, pk)
    place = my_place(request, event)
    if place is None:
        raise PermissionDenied
    if request.method == "POST":
        chosen = scoped(Priority, request.user).filter(event=event, pk=request.POST.get("priority") or 0).first()
        if chosen is None:
            messages.info(request, "That area for improvement is no longer on the list, so nothing was changed.")
        else:
            try:
                if request.POST.get("action") == "take_back":
                    if services.take_back_vote(chosen, place):
                        messages.success(request, f"You took back a vote from “{chosen.title}”.")
                else:
                    services.cast_vote(chosen, place)
                    messages.success(request, f"Your vote for “{chosen.title}” is counted.")
            except services.NotNow as problem:
                messages.info(request, str(problem))
        return redirect(reverse("lens_vote", args=[event.pk]) + (f"#priority-{chosen.pk}" if chosen else ""))
    rows = ranked_priorities(request, event)
    mine: dict[int, int] = {}
    for priority_id in scoped(Vote, request.user).filter(participant=place).values_list("priority_id", flat=True):
        mine[priority_id] = mine.get(priority_id, 0) + 1
    used = sum(mine.values())
    context = event_page(
        request,
        event,
        rows=sorted(rows, key=lambda row: (row.priority.created_at, row.priority.pk)),
        mine=mine,
        used=used,
        left=max(event.votes_each - used, 0),
        breadcrumbs=[{"text": "Your event page", "href": reverse("lens_my_event", args=[event.pk])}],
    )
    return render(request, "lens/vote.html", context)
