"""The national view, a service's national settings, and granting oversight."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Organisation, Service
from pathfinder.core.pages import service_context
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, site_admin_queryset
from pathfinder.national import cache, services
from pathfinder.national.forms import FilterForm, OversightForm, ProfileForm
from pathfinder.national.models import Oversight

SITE_CRUMBS = [{"text": "Site administration", "href": "/site-admin/"}]


@require_safe
def national(request):
    grants = services.oversights(request.user)
    if not grants:
        raise Http404
    page = cache.Page(grants)
    form = FilterForm(request.GET or None, page.options)
    key = form.key() if form.is_bound and form.is_valid() else cache.EVERYONE
    (chosen,) = page.figures(key)
    return render(
        request,
        "national/national.html",
        {
            "form": form,
            "grants": grants,
            "figures_html": chosen.html,
            "worked_out_at": chosen.worked_out_at,
            "refresh_minutes": cache.seconds() // 60,
        },
    )


@require_http_methods(["GET", "POST"])
def settings(request, slug):
    service = get_for(request, Service, Perm.MANAGE_PROGRAMME, slug=slug)
    profile = services.profile_for(service)
    initial = {
        "named_nationally": "yes" if profile.named_nationally else "no",
        "area_kind": profile.area_kind,
        "version": profile.version,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_profile(
                service,
                named_nationally=form.cleaned_data["named_nationally"],
                area_kind=form.cleaned_data["area_kind"],
                version=form.cleaned_data["version"],
                by=request.user,
            )
        except StaleEdit:
            form.add_error(
                None, "Someone else changed these settings after you opened them. Check them and save again."
            )
        else:
            messages.success(request, "The national view settings have been saved.")
            return redirect("national_settings", service.slug)
    context = service_context(
        request,
        service,
        form=form,
        breadcrumbs=[{"text": service.name, "href": reverse("service_home", args=[service.slug])}],
    )
    return render(request, "national/settings.html", context)


@require_http_methods(["GET", "POST"])
def oversight(request):
    grants = site_admin_queryset(request, Oversight).select_related("user", "organisation")
    form = OversightForm(
        request.POST or None,
        organisations=site_admin_queryset(request, Organisation),
        users=site_admin_queryset(request, get_user_model()).filter(is_active=True),
    )
    if request.method == "POST" and form.is_valid():
        try:
            granted = services.grant(
                user=form.person,
                scope=form.cleaned_data["scope"],
                organisation=form.cleaned_data["organisation"],
                by=request.user,
            )
        except services.OversightRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"{granted.user} can now see the national view: {granted}.")
            return redirect("site_admin_oversight")
    return render(request, "national/oversight.html", {"form": form, "grants": grants, "breadcrumbs": SITE_CRUMBS})


@require_POST
def oversight_revoke(request, pk):
    grant = get_object_or_404(site_admin_queryset(request, Oversight).select_related("user"), pk=pk)
    services.revoke(grant, by=request.user)
    messages.success(request, f"{grant.user} no longer has this view: {grant}.")
    return redirect("site_admin_oversight")


@require_safe
def like_mine(request, slug):
    service = get_for(request, Service, Perm.MANAGE_PROGRAMME, slug=slug)
    comparison, worked_out_at = cache.like_mine(service)
    context = service_context(
        request,
        service,
        comparison=comparison,
        worked_out_at=worked_out_at,
        refresh_minutes=cache.seconds() // 60,
        breadcrumbs=[{"text": service.name, "href": reverse("service_home", args=[service.slug])}],
    )
    return render(request, "national/like_mine.html", context)
