"""Who is taking part, and the record of thanks (vouchers) for their time.

Only the lead sees these pages. Participants' names appear here and nowhere
else: notes record the kind of participant at most, never who.
"""

from django.contrib import messages
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.lens import presenters, services
from pathfinder.lens.forms import SUPPORT_FIELDS, GuestForm, MembersForm, ParticipantForm, ReimbursementForm
from pathfinder.lens.models import EventGroup, EventParticipant, ParticipantKind, Reimbursement
from pathfinder.lens.views.access import event_page, get_event


def _crumbs(event):
    return [
        {"text": "Lens events", "href": reverse("lens_overview", args=[event.programme_id])},
        {"text": event.title, "href": reverse("lens_event", args=[event.pk])},
    ]


def _participants(request, event):
    return list(
        scoped(EventParticipant, request.user)
        .filter(event=event)
        .select_related("membership__user", "group")
        .order_by("kind", "id")
    )


def _get_participant(request, pk) -> EventParticipant:
    participants = scoped(EventParticipant, request.user).select_related(
        "event__programme__service", "membership__user", "group"
    )
    return get_for(request, participants, Perm.MANAGE_PROGRAMME, pk=pk)


@require_http_methods(["GET", "POST"])
def participants(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    rows = _participants(request, event)
    support = {row.pk: presenters.support_summary(row) for row in rows if row.kind == ParticipantKind.LIVED_EXPERIENCE}
    taken = {row.membership_id for row in rows if row.membership_id}
    members = [
        membership
        for membership in scoped(Membership, request.user)
        .filter(service=event.programme.service)
        .active()
        .select_related("user")
        .order_by("user__full_name")
        if membership.pk not in taken
    ]
    groups = list(scoped(EventGroup, request.user).filter(event=event))
    adding = request.POST.get("add") if request.method == "POST" else None
    members_form = MembersForm(
        request.POST if adding == "members" else None, prefix="members", memberships=members, groups=groups
    )
    guest_form = GuestForm(request.POST if adding == "guest" else None, prefix="guest", groups=groups)
    if adding == "members" and members_form.is_valid():
        added = services.add_members(event, members_form.chosen(), group=members_form.chosen_group(), by=request.user)
        messages.success(request, f"{added} {'person is' if added == 1 else 'people are'} added.")
        return redirect("lens_participants", event.pk)
    if adding == "guest" and guest_form.is_valid():
        guest = services.add_guest(
            event,
            kind=guest_form.cleaned_data["kind"],
            label=guest_form.cleaned_data["label"],
            group=guest_form.chosen_group(),
            by=request.user,
        )
        messages.success(request, f"{guest.label} is added.")
        return redirect("lens_participants", event.pk)
    context = event_page(
        request,
        event,
        rows=rows,
        support=support,
        forms=[members_form, guest_form],
        members_form=members_form,
        guest_form=guest_form,
        breadcrumbs=_crumbs(event),
    )
    return render(request, "lens/participants.html", context)


@require_http_methods(["GET", "POST"])
def participant_edit(request, pk):
    participant = _get_participant(request, pk)
    event = participant.event
    groups = list(scoped(EventGroup, request.user).filter(event=event))
    initial = {
        "kind": participant.kind,
        "label": participant.label,
        "group": str(participant.group_id or ""),
        "version": participant.version,
        "support": [flag for flag in SUPPORT_FIELDS if getattr(participant, flag)],
    }
    form = ParticipantForm(request.POST or None, initial=initial, groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_participant(
                participant,
                version=form.cleaned_data["version"],
                kind=form.cleaned_data["kind"],
                group=form.chosen_group(),
                label=form.cleaned_data["label"],
                support=form.support_flags(),
                by=request.user,
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this person's details after you opened the page. Your changes are still "
                "below: save again to keep them.",
                groups=groups,
            )
        else:
            messages.success(request, f"{participant.display_name} is saved.")
            return redirect("lens_participants", event.pk)
    context = event_page(
        request,
        event,
        participant=participant,
        form=form,
        breadcrumbs=[
            *_crumbs(event),
            {"text": "People taking part", "href": reverse("lens_participants", args=[event.pk])},
        ],
    )
    return render(request, "lens/participant_edit.html", context)


@require_POST
def participant_remove(request, pk):
    participant = _get_participant(request, pk)
    try:
        services.remove_participant(participant, by=request.user)
    except services.NotNow as problem:
        messages.info(request, str(problem))
    else:
        messages.success(request, f"{participant.display_name} is no longer on the list.")
    return redirect("lens_participants", participant.event_id)


@require_http_methods(["GET", "POST"])
def reimbursements(request, pk):
    event = get_event(request, pk, Perm.MANAGE_PROGRAMME)
    people = _participants(request, event)
    form = ReimbursementForm(request.POST or None, participants=people)
    if request.method == "POST" and form.is_valid():
        record = services.record_reimbursement(
            form.chosen(),
            voucher_type=form.cleaned_data["voucher_type"],
            amount=form.cleaned_data["amount"],
            given_on=form.cleaned_data["given_on"],
            by=request.user,
        )
        messages.success(request, f"The £{record.amount} voucher for {form.chosen().display_name} is recorded.")
        return redirect("lens_reimbursements", event.pk)
    records = list(
        scoped(Reimbursement, request.user)
        .filter(participant__event=event)
        .select_related("participant__membership__user")
    )
    total = scoped(Reimbursement, request.user).filter(participant__event=event).aggregate(total=Sum("amount"))["total"]
    if request.method == "GET":
        # Who was given what is personal: reading it is recorded.
        audit.record(
            audit.Kind.SENSITIVE_READ,
            actor=request.user,
            service=event.programme.service,
            target=event,
            page="lens vouchers",
        )
    context = event_page(
        request,
        event,
        records=records,
        total=total or 0,
        form=form,
        has_people=bool(people),
        breadcrumbs=_crumbs(event),
    )
    return render(request, "lens/reimbursements.html", context)


@require_POST
def reimbursement_remove(request, pk):
    records = scoped(Reimbursement, request.user).select_related("participant__event__programme__service")
    record = get_for(request, records, Perm.MANAGE_PROGRAMME, pk=pk)
    event_id = record.participant.event_id
    services.remove_reimbursement(record, by=request.user)
    messages.success(request, "The voucher record is removed.")
    return redirect("lens_reimbursements", event_id)
