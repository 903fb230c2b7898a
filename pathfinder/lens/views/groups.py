"""Groups at the event: each one risk tier and two fictional people."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.lens import services
from pathfinder.lens.forms import GroupForm
from pathfinder.lens.library import library_for
from pathfinder.lens.models import EventGroup, Journey, Tier
from pathfinder.lens.views.access import event_page, get_event


def _crumbs(event):
    return [
        {"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])},
        {"text": event.title, "href": reverse("lens_event", args=[event.pk])},
    ]


def _journeys_by_group(request, event) -> dict[int, list[Journey]]:
    found: dict[int, list[Journey]] = {}
    for journey in (
        scoped(Journey, request.user).filter(group__event=event).select_related("vignette").order_by("position")
    ):
        found.setdefault(journey.group_id, []).append(journey)
    return found


@require_http_methods(["GET", "POST"])
def groups(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    rows = list(scoped(EventGroup, request.user).filter(event=event))
    vignettes = list(library_for(event.programme.service))
    initial = {"name": f"Group {len(rows) + 1}", "tier": [Tier.LOWER, Tier.MID, Tier.HIGHER][len(rows) % 3]}
    form = GroupForm(request.POST or None, initial=initial, vignettes=vignettes)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.add_group(
                event, name=form.cleaned_data["name"], tier=form.cleaned_data["tier"], vignettes=form.chosen()
            )
        except services.NotNow as problem:
            form.add_error(None, str(problem))
        else:
            names = " and ".join(vignette.name for vignette in form.chosen())
            messages.success(request, f"{group.name} is added, following {names}.")
            return redirect("lens_groups", event.pk)
    context = event_page(
        request,
        event,
        rows=rows,
        journeys=_journeys_by_group(request, event),
        tiers=dict(Tier.choices),
        form=form,
        breadcrumbs=_crumbs(event),
    )
    return render(request, "lens/groups.html", context)


@require_http_methods(["GET", "POST"])
def group_edit(request, pk):
    group = get_for(
        request,
        scoped(EventGroup, request.user).select_related("event__programme__service"),
        Perm.MANAGE_PROGRAMME,
        pk=pk,
    )
    event = group.event
    journeys = _journeys_by_group(request, event).get(group.pk, [])
    initial = {"name": group.name, "tier": group.tier}
    if len(journeys) == 2:
        initial |= {"first": str(journeys[0].vignette_id), "second": str(journeys[1].vignette_id)}
    form = GroupForm(request.POST or None, initial=initial, vignettes=list(library_for(event.programme.service)))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_group(
                group, name=form.cleaned_data["name"], tier=form.cleaned_data["tier"], vignettes=form.chosen()
            )
        except services.NotNow as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"{form.cleaned_data['name']} is saved.")
            return redirect("lens_groups", event.pk)
    context = event_page(
        request,
        event,
        group=group,
        form=form,
        breadcrumbs=[*_crumbs(event), {"text": "Groups", "href": reverse("lens_groups", args=[event.pk])}],
    )
    return render(request, "lens/group_edit.html", context)


@require_POST
def group_remove(request, pk):
    group = get_for(
        request,
        scoped(EventGroup, request.user).select_related("event__programme__service"),
        Perm.MANAGE_PROGRAMME,
        pk=pk,
    )
    try:
        services.remove_group(group)
    except services.NotNow as problem:
        messages.info(request, str(problem))
    else:
        messages.success(request, f"{group.name} is removed.")
    return redirect("lens_groups", group.event_id)
