"""Key workers, service settings, emergency access and its review."""

import contextlib
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped
from pathfinder.thisisme import access, emergency, people
from pathfinder.thisisme.forms import EmergencyForm, PersonNewForm, RecoveryForm, ReviewForm, SettingsForm
from pathfinder.thisisme.models import EmergencyAccess, PersonProfile


def _page(request, service, **context):
    crumbs = [{"text": "This is me", "href": reverse("thisisme_people", args=[service.slug])}]
    return service_context(request, service, breadcrumbs=crumbs, **context)


@require_safe
def people_list(request, slug):
    service = access.key_worker_service(request, slug)
    profiles = scoped(PersonProfile, request.user).filter(service=service).select_related("person", "key_worker")
    context = service_context(
        request,
        service,
        profiles=sorted(profiles, key=lambda p: p.person.full_name.lower()),
        may_manage=can(request.user, Perm.MANAGE_PROGRAMME, service),
        may_break_glass=emergency.may_use(request.user, service),
        is_caldicott_lead=emergency.is_caldicott_lead(request.user, service),
    )
    return render(request, "thisisme/staff/people.html", context)


@require_http_methods(["GET", "POST"])
def person_new(request, slug):
    service = access.key_worker_service(request, slug)
    form = PersonNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        profile, code = people.create_person(
            service=service, name=form.cleaned_data["name"], key_worker=request.user, by=request.user
        )
        _hand_over(request, profile, code)
        return redirect("thisisme_person", service.slug, profile.ref)
    return render(request, "thisisme/staff/person_new.html", _page(request, service, form=form))


HAND_OVER = "thisisme_code_to_hand_over"


def _hand_over(request, profile, code: str, recovery: bool = False) -> None:
    # The code is stored hashed; the plain code waits in this session for the
    # next page only, so reloading that page (or sending the form twice) can
    # neither show it again nor make a second account.
    request.session[HAND_OVER] = {"ref": str(profile.ref), "code": code, "recovery": recovery}


@require_safe
def person(request, slug, ref):
    service = access.key_worker_service(request, slug)
    profile = access.profile_in(request, service, ref)
    waiting = request.session.get(HAND_OVER)
    if waiting and waiting["ref"] == str(profile.ref):
        del request.session[HAND_OVER]
        context = _page(request, service, profile=profile, code=waiting["code"], recovery=waiting["recovery"])
        return render(request, "thisisme/staff/code.html", context)
    return render(request, "thisisme/staff/person.html", _page(request, service, profile=profile))


@require_http_methods(["GET", "POST"])
def recovery(request, slug, ref):
    service = access.key_worker_service(request, slug)
    profile = access.profile_in(request, service, ref)
    form = RecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = people.recover(profile, identity_check=form.cleaned_data["identity_check"], by=request.user)
        _hand_over(request, profile, code, recovery=True)
        return redirect("thisisme_person", service.slug, profile.ref)
    return render(request, "thisisme/staff/recovery.html", _page(request, service, profile=profile, form=form))


@require_http_methods(["GET", "POST"])
def settings_page(request, slug):
    service = access.managed_service(request, slug)
    row = emergency.settings_for(service)
    members = access.members_of(service)
    initial = {
        "emergency_access": row.emergency_access,
        "emergency_roles": row.emergency_roles,
        "caldicott_lead": row.caldicott_lead_id,
        "retention_days": row.retention_days,
        "notice_days": row.notice_days,
        "version": row.version,
    }
    form = SettingsForm(request.POST or None, initial=initial, members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        row.emergency_access = data["emergency_access"]
        row.emergency_roles = data["emergency_roles"]
        row.caldicott_lead_id = data["caldicott_lead"]
        row.retention_days, row.notice_days = data["retention_days"], data["notice_days"]
        try:
            fields = ["emergency_access", "emergency_roles", "caldicott_lead", "retention_days", "notice_days"]
            save_if_current(row, data["version"], fields)
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed these settings after you opened the page. Your choices are still "
                "below: save again to use them.",
                members=members,
            )
        else:
            audit.record(
                "thisisme.settings_changed",
                actor=request.user,
                service=service,
                target=row,
                emergency_access=row.emergency_access,
                roles=row.emergency_roles,
            )
            messages.success(request, "Settings saved.")
            return redirect("thisisme_people", service.slug)
    return render(request, "thisisme/staff/settings.html", _page(request, service, form=form))


@require_http_methods(["GET", "POST"])
def emergency_start(request, slug, ref):
    service = access.service_for(request, slug)
    if not emergency.may_use(request.user, service):
        raise PermissionDenied
    profile = access.profile_in(request, service, ref)
    if access.needs_two_step(request.user):
        messages.info(request, "To read a person's profile, please set up two-step verification first.")
        return redirect("mfa_activate_totp")
    form = EmergencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        emergency.start(
            profile, user=request.user, reason=form.cleaned_data["reason"], hours=form.cleaned_data["hours"]
        )
        return redirect("thisisme_shared_profile", profile.ref)
    return render(request, "thisisme/staff/emergency.html", _page(request, service, profile=profile, form=form))


@require_http_methods(["GET", "POST"])
def emergency_reviews(request, slug):
    service = access.service_for(request, slug)
    if not emergency.is_caldicott_lead(request.user, service):
        raise PermissionDenied
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        use = None
        with contextlib.suppress(ValueError):  # not an id at all: not found either
            ref = uuid.UUID(request.POST.get("use", ""))
            use = scoped(EmergencyAccess, request.user).filter(service=service, ref=ref).first()
        if use is None:
            form.add_error(None, "That emergency access could not be found. It may have been reviewed already.")
        elif form.is_valid():
            emergency.review(use, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, "Review recorded.")
            return redirect("thisisme_emergency_reviews", service.slug)
    uses = emergency.for_review(service)
    context = _page(request, service, uses=uses, form=form)
    return render(request, "thisisme/staff/reviews.html", context)
