"""The vignette library: built-in fictional people, and the service's own."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.lens import services
from pathfinder.lens.forms import VignetteEditForm, VignetteForm
from pathfinder.lens.library import library_for
from pathfinder.lens.models import Tier
from pathfinder.lens.views.access import get_service, page


def _crumbs(service):
    return [{"text": "Vignettes", "href": reverse("lens_vignettes", args=[service.slug])}]


@require_safe
def library(request, slug):
    service = get_service(request, slug)
    vignettes = list(library_for(service))
    tiers = [(value, label, [v for v in vignettes if v.tier == value]) for value, label in Tier.choices]
    context = page(
        request,
        service,
        tiers=tiers,
        tier_labels=dict(Tier.choices),
        can_edit=can(request.user, Perm.MANAGE_PROGRAMME, service),
    )
    return render(request, "lens/vignettes.html", context)


@require_http_methods(["GET", "POST"])
def vignette_new(request, slug):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    form = VignetteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vignette = services.add_vignette(service, **form.cleaned_data)
        messages.success(request, f"{vignette.name} is added to your service's vignettes.")
        return redirect(reverse("lens_vignettes", args=[service.slug]) + f"#vignette-{vignette.pk}")
    context = page(request, service, form=form, breadcrumbs=_crumbs(service))
    return render(request, "lens/vignette_form.html", context)


@require_http_methods(["GET", "POST"])
def vignette_edit(request, slug, pk):
    service = get_service(request, slug, Perm.MANAGE_PROGRAMME)
    # Only the service's own vignettes can be edited; the built-in ones are shared.
    vignette = library_for(service).filter(service=service, pk=pk).first() if str(pk).isdigit() else None
    if vignette is None:
        raise Http404
    initial = {name: getattr(vignette, name) for name in services.VIGNETTE_FIELDS} | {"version": vignette.version}
    form = VignetteEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.VIGNETTE_FIELDS}
        try:
            services.edit_vignette(vignette, version=form.cleaned_data["version"], **fields)
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this vignette after you opened it. Your changes are still below and have "
                "not been saved yet: check them and save again to keep them.",
            )
        else:
            messages.success(request, f"{vignette.name}'s story is saved.")
            return redirect(reverse("lens_vignettes", args=[service.slug]) + f"#vignette-{vignette.pk}")
    context = page(request, service, form=form, vignette=vignette, breadcrumbs=_crumbs(service))
    return render(request, "lens/vignette_form.html", context)
