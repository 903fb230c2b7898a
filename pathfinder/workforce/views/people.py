"""The training register: each member of staff's job role and the training
they have completed. Named on purpose (it is the service's training record),
so only the programme lead sees and changes it."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.scoping import scoped
from pathfinder.workforce import presenters, training
from pathfinder.workforce.forms import JobRoleForm, TrainingRecordForm
from pathfinder.workforce.models import TrainingRecord
from pathfinder.workforce.views.access import MANAGE, get_member, get_programme, training_context

PEOPLE_PAGE = 50


@require_safe
def people(request, pk):
    programme = get_programme(request, pk, MANAGE)
    service = programme.service
    members = (
        scoped(Membership, request.user)
        .filter(service=service)
        .active()
        .select_related("user", "workforce_profile")
        .order_by("user__full_name", "pk")
    )
    page = Paginator(members, PEOPLE_PAGE).get_page(request.GET.get("page"))
    records = (
        scoped(TrainingRecord, request.user)
        .filter(membership__in=[member.pk for member in page.object_list])
        .select_related("entry")
    )
    context = training_context(
        request,
        programme,
        section="people",
        page=page,
        rows=presenters.staff_rows(page.object_list, training.required_levels(service), records),
    )
    return render(request, "workforce/training/people.html", context)


def _person_context(request, programme, member, *, role_form=None, record_form=None):
    service = programme.service
    records = scoped(TrainingRecord, request.user).filter(membership=member).select_related("entry")
    profile = getattr(member, "workforce_profile", None)
    row = presenters.staff_row(member, training.required_levels(service), records)
    return training_context(
        request,
        programme,
        section="people",
        crumbs=[{"text": "Staff training", "href": reverse("training_people", args=[programme.pk])}],
        member=member,
        row=row,
        forms=[form for form in (role_form, record_form) if form is not None],
        role_form=role_form
        or JobRoleForm(
            initial={"job_role": profile.job_role, "version": profile.version}
            if profile
            else {"version": training.NO_PROFILE}
        ),
        record_form=record_form or TrainingRecordForm(entries=training.active_entries(service)),
        duration_text=presenters.duration_text,
    )


@require_http_methods(["GET", "POST"])
def person(request, pk, membership):
    programme = get_programme(request, pk, MANAGE)
    member = get_member(request, programme, membership)
    if request.method == "POST":
        form = JobRoleForm(request.POST)
        if form.is_valid():
            try:
                training.set_job_role(
                    member, form.cleaned_data["job_role"], version=form.cleaned_data["version"], by=request.user
                )
            except StaleEdit as stale:
                current = stale.current
                form = form.after_stale_save(
                    current.version if current else training.NO_PROFILE,
                    f"Someone else changed {member.user.full_name}'s job role after you opened this page"
                    + (f": it is now “{current.get_job_role_display()}”." if current else ".")
                    + " Nothing was saved. Your choice is still below: save again to use it.",
                )
            else:
                messages.success(request, f"{member.user.full_name}'s job role is saved.")
                return redirect("training_person", programme.pk, member.pk)
        return render(
            request, "workforce/training/person.html", _person_context(request, programme, member, role_form=form)
        )
    return render(request, "workforce/training/person.html", _person_context(request, programme, member))


@require_POST
def record_add(request, pk, membership):
    programme = get_programme(request, pk, MANAGE)
    member = get_member(request, programme, membership)
    form = TrainingRecordForm(request.POST, entries=training.active_entries(programme.service))
    if form.is_valid():
        entry = form.chosen_entry()
        try:
            training.add_record(member, entry, form.cleaned_data["completed_on"], by=request.user)
        except training.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"“{entry.title}” is recorded for {member.user.full_name}.")
            return redirect(reverse("training_person", args=[programme.pk, member.pk]) + "#records")
    return render(
        request, "workforce/training/person.html", _person_context(request, programme, member, record_form=form)
    )


@require_POST
def record_remove(request, pk, membership, record):
    programme = get_programme(request, pk, MANAGE)
    member = get_member(request, programme, membership)
    if training.remove_record(member, record, by=request.user):
        messages.success(request, f"The record is removed from {member.user.full_name}'s training.")
    else:
        messages.info(request, "That record had already been removed.")
    return redirect(reverse("training_person", args=[programme.pk, member.pk]) + "#records")
