"""The service's training catalogue: everyone in the programme can read it;
the lead changes entries, stops offering them, and adds the service's own."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.scoping import get_for, scoped
from pathfinder.workforce import presenters, training
from pathfinder.workforce.forms import CatalogueEntryForm
from pathfinder.workforce.models import CatalogueEntry
from pathfinder.workforce.practice_levels import job_role_label
from pathfinder.workforce.views.access import MANAGE, get_programme, training_context


@require_safe
def catalogue(request, pk):
    programme = get_programme(request, pk)
    entries = training.catalogue_for(programme.service)
    context = training_context(
        request,
        programme,
        section="catalogue",
        groups=presenters.catalogue_groups(entries),
        inactive=sum(1 for entry in entries if not entry.active),
        duration_text=presenters.duration_text,
        format_label=presenters.format_label,
        job_role_label=job_role_label,
    )
    return render(request, "workforce/training/catalogue.html", context)


def _crumbs(programme):
    return [{"text": "Training catalogue", "href": reverse("training_catalogue", args=[programme.pk])}]


def _initial(entry: CatalogueEntry) -> dict:
    return {name: getattr(entry, name) for name in training.ENTRY_FIELDS} | {"version": entry.version}


@require_http_methods(["GET", "POST"])
def entry(request, pk, entry):
    programme = get_programme(request, pk, MANAGE)
    training.catalogue_for(programme.service)
    found = get_for(request, scoped(CatalogueEntry, request.user).filter(service=programme.service), MANAGE, pk=entry)
    form = CatalogueEntryForm(request.POST or None, initial=_initial(found))
    if request.method == "POST" and form.is_valid():
        try:
            training.save_entry(found, form.values(), version=form.cleaned_data["version"], by=request.user)
        except StaleEdit as stale:
            current = stale.current
            form = form.after_stale_save(
                current.version,
                f"Someone else changed “{current.title}” after you opened this page, so your changes have not been "
                "saved yet. They are still in the form below: save again to keep yours instead, or go back to see theirs.",
            )
        else:
            messages.success(request, f"“{found.title}” is saved.")
            return redirect(reverse("training_catalogue", args=[programme.pk]) + f"#entry-{found.pk}")
    context = training_context(
        request, programme, section="catalogue", crumbs=_crumbs(programme), form=form, entry=found, is_new=False
    )
    return render(request, "workforce/training/entry.html", context)


@require_http_methods(["GET", "POST"])
def entry_new(request, pk):
    programme = get_programme(request, pk, MANAGE)
    form = CatalogueEntryForm(request.POST or None, initial={"active": True, "level": "informed"})
    if request.method == "POST" and form.is_valid():
        made = training.add_entry(programme.service, form.values(), by=request.user)
        messages.success(request, f"“{made.title}” is in the catalogue.")
        return redirect(reverse("training_catalogue", args=[programme.pk]) + f"#entry-{made.pk}")
    context = training_context(
        request, programme, section="catalogue", crumbs=_crumbs(programme), form=form, entry=None, is_new=True
    )
    return render(request, "workforce/training/entry.html", context)
