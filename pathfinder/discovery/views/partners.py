"""The partners register: who the service works with, what they were invited
to and joined, and what working with them showed."""

from functools import cache

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm, Role
from pathfinder.core.scoping import get_for, scoped
from pathfinder.discovery import presenters_partners as presenters
from pathfinder.discovery import services_partners as services
from pathfinder.discovery.forms_partners import EngagementForm, LearningForm, PartnerEditForm, PartnerForm
from pathfinder.discovery.models import Partner, PartnerEngagement, PartnerLearning
from pathfinder.programmes.models import Programme
from pathfinder.programmes.registry import invitable_source

CHANGE = Perm.RECORD_FINDINGS


def _programme(request, pk, perm=Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, Programme, perm, pk=pk)


def _partner(request, pk, perm=Perm.VIEW_PROGRAMME) -> Partner:
    return get_for(request, scoped(Partner, request.user).select_related("programme__service"), perm, pk=pk)


def _page(request, programme, **context) -> dict:
    service = programme.service
    return service_context(
        request,
        service,
        programme=programme,
        current="programme",
        can_change=can(request.user, CHANGE, service),
        can_invite=can(request.user, Perm.MANAGE_MEMBERS, service),
        **context,
    )


def _crumbs(programme, *extra) -> list[dict]:
    return [
        {"text": "Dashboard", "href": reverse("programme_dashboard", args=[programme.pk])},
        {"text": "Partners", "href": reverse("partner_list", args=[programme.pk])},
        *extra,
    ]


def _refs(request, programme) -> dict[str, list[tuple[str, str]]]:
    """The programme's surveys and lens events a partner may be invited to,
    through the registered sources (discovery imports neither tool)."""
    refs = {}
    for what, key in services.REF_TYPES.items():
        source = invitable_source(key)
        if source is not None:
            refs[what] = source.choices(programme, request.user)
    return refs


@require_safe
def partner_list(request, pk):
    programme = _programme(request, pk)
    partners = (
        scoped(Partner, request.user)
        .filter(programme=programme)
        .annotate(
            invited_count=Count("engagements", distinct=True),
            joined_count=Count("engagements", filter=Q(engagements__joined=True), distinct=True),
        )
    )
    context = _page(request, programme, partners=partners, breadcrumbs=_crumbs(programme)[:1])
    return render(request, "discovery/partners/list.html", context)


@require_http_methods(["GET", "POST"])
def partner_new(request, pk):
    programme = _programme(request, pk, CHANGE)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        partner = services.add_partner(programme=programme, by=request.user, **form.partner_fields())
        messages.success(request, f"{partner.name} has been added to the partners register.")
        return redirect("partner_detail", partner.pk)
    context = _page(request, programme, form=form, breadcrumbs=_crumbs(programme))
    return render(request, "discovery/partners/new.html", context)


@require_safe
def partner_detail(request, pk):
    partner = _partner(request, pk)
    programme = partner.programme
    engagements = list(scoped(PartnerEngagement, request.user).filter(partner=partner))
    learnings = list(scoped(PartnerLearning, request.user).filter(partner=partner))

    @cache
    def may(perm) -> bool:
        return can(request.user, perm, programme.service)

    tna = []
    if can(request.user, CHANGE, programme.service):
        source = invitable_source("survey")
        already = {e.ref_id for e in engagements if e.ref_type == "survey"}
        if source is not None:
            tna = [(ref_id, name, ref_id in already) for ref_id, name in source.choices(programme, request.user, "tna")]
    context = _page(
        request,
        programme,
        partner=partner,
        engagements=[presenters.engagement(e, may=may) for e in engagements],
        learnings=learnings,
        tna_surveys=tna,
        partner_role=Role.PARTNER.value,
        breadcrumbs=_crumbs(programme),
    )
    return render(request, "discovery/partners/detail.html", context)


@require_http_methods(["GET", "POST"])
def partner_edit(request, pk):
    partner = _partner(request, pk, CHANGE)
    programme = partner.programme
    form = PartnerEditForm(request.POST or None, initial=PartnerEditForm.initial_from(partner))
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_partner(
                partner, version=form.cleaned_data["version"], by=request.user, **form.partner_fields()
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this partner while you had it open, so your changes have not been saved yet. "
                "Your changes are still below, on top of theirs: save again to keep them.",
                current=PartnerEditForm.initial_from(stale.current),
            )
        else:
            messages.success(request, f"{partner.name} has been saved.")
            return redirect("partner_detail", partner.pk)
    crumbs = _crumbs(programme, {"text": partner.name, "href": reverse("partner_detail", args=[partner.pk])})
    context = _page(request, programme, partner=partner, form=form, breadcrumbs=crumbs)
    return render(request, "discovery/partners/edit.html", context)


@require_http_methods(["GET", "POST"])
def engagement_new(request, pk):
    partner = _partner(request, pk, CHANGE)
    programme = partner.programme
    form = EngagementForm(request.POST or None, refs=_refs(request, programme))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record_engagement(
            partner=partner,
            what=data["what"],
            title=data["title"],
            ref_id=data["ref_id"],
            invited_on=data["invited_on"],
            joined=data["joined"],
            by=request.user,
        )
        messages.success(request, f"Recorded: {partner.name} invited to {data['title']}.")
        return redirect("partner_detail", partner.pk)
    crumbs = _crumbs(programme, {"text": partner.name, "href": reverse("partner_detail", args=[partner.pk])})
    context = _page(request, programme, partner=partner, form=form, breadcrumbs=crumbs)
    return render(request, "discovery/partners/engagement_new.html", context)


@require_POST
def engagement_survey(request, pk):
    """One click from the partner's page: invited to one of the programme's
    training needs analyses, today."""
    partner = _partner(request, pk, CHANGE)
    source = invitable_source("survey")
    choices = dict(source.choices(partner.programme, request.user, "tna")) if source else {}
    ref_id = request.POST.get("survey", "")
    if ref_id not in choices:
        messages.error(request, "That survey is not one of this programme's training needs analyses.")
    elif scoped(PartnerEngagement, request.user).filter(partner=partner, ref_type="survey", ref_id=ref_id).exists():
        messages.info(request, f"{partner.name} is already recorded as invited to {choices[ref_id]}.")
    else:
        services.record_engagement(
            partner=partner, what=PartnerEngagement.What.SURVEY, title=choices[ref_id], ref_id=ref_id, by=request.user
        )
        messages.success(request, f"Recorded: {partner.name} invited to {choices[ref_id]}.")
    return redirect(reverse("partner_detail", args=[partner.pk]) + "#engagements")


@require_POST
def engagement_joined(request, pk):
    engagement = get_for(
        request,
        scoped(PartnerEngagement, request.user).select_related("partner__programme__service"),
        CHANGE,
        pk=pk,
    )
    joined = request.POST.get("joined") == "1"
    services.set_joined(engagement, joined=joined, by=request.user)
    partner = engagement.partner
    messages.success(
        request,
        f"Recorded: {partner.name} {'took part in' if joined else 'did not take part in'} {engagement.title}.",
    )
    return redirect(reverse("partner_detail", args=[partner.pk]) + "#engagements")


@require_http_methods(["GET", "POST"])
def learning_new(request, pk):
    partner = _partner(request, pk, CHANGE)
    programme = partner.programme
    form = LearningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_learning(partner=partner, by=request.user, **form.cleaned_data)
        messages.success(request, "What you found has been recorded. You can add it to the findings when ready.")
        return redirect(reverse("partner_detail", args=[partner.pk]) + "#learnings")
    crumbs = _crumbs(programme, {"text": partner.name, "href": reverse("partner_detail", args=[partner.pk])})
    context = _page(request, programme, partner=partner, form=form, breadcrumbs=crumbs)
    return render(request, "discovery/partners/learning_new.html", context)


@require_POST
def learning_finding(request, pk):
    learning = get_for(
        request, scoped(PartnerLearning, request.user).select_related("partner__programme__service"), CHANGE, pk=pk
    )
    _finding, made = services.learning_to_finding(learning, by=request.user)
    if made:
        messages.success(request, "It is now a finding, ready for the implementation plan.")
    else:
        messages.info(request, "This is already a finding, so nothing new was added.")
    return redirect(reverse("partner_detail", args=[learning.partner.pk]) + "#learnings")
