"""The assessment tools a service can use, what each asks, and adapting one."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.models import Service
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for
from pathfinder.instruments import services
from pathfinder.instruments.forms import AdaptForm


def _version(service, pk):
    version = services.versions_for(service).filter(pk=pk).first()
    if version is None:
        raise Http404
    return version


@require_safe
def instrument_list(request, slug):
    service = get_for(request, Service, Perm.VIEW_PROGRAMME, slug=slug)
    context = service_context(
        request,
        service,
        current="assessment",
        versions=services.versions_for(service),
    )
    return render(request, "instruments/list.html", context)


@require_safe
def instrument_detail(request, slug, pk):
    service = get_for(request, Service, Perm.VIEW_PROGRAMME, slug=slug)
    version = _version(service, pk)
    context = service_context(
        request,
        service,
        current="assessment",
        version=version,
        definition=version.parsed,
        can_adapt=can(request.user, Perm.RUN_ASSESSMENTS, service),
        breadcrumbs=[{"text": "Assessment tools", "href": reverse("instrument_list", args=[service.slug])}],
    )
    return render(request, "instruments/detail.html", context)


@require_http_methods(["GET", "POST"])
def instrument_adapt(request, slug, pk):
    service = get_for(request, Service, Perm.RUN_ASSESSMENTS, slug=slug)
    version = _version(service, pk)
    definition = version.parsed
    form = AdaptForm(request.POST or None, definition=definition)
    if request.method == "POST" and form.is_valid():
        try:
            adapted = services.adapt(
                version, service=service, notes=form.cleaned_data["notes"], by=request.user, **form.changes()
            )
        except services.CannotAdapt as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"Saved as {adapted}. Rounds already started keep the version they began with.")
            return redirect("instrument_detail", service.slug, adapted.pk)
    context = service_context(
        request,
        service,
        current="assessment",
        version=version,
        definition=definition,
        form=form,
        breadcrumbs=[{"text": str(version), "href": reverse("instrument_detail", args=[service.slug, version.pk])}],
    )
    return render(request, "instruments/adapt.html", context)
