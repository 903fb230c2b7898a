"""The training register: each member of staff's job role and their training,
done or booked. Named on purpose (it is the service's training record), so
only the programme lead sees and changes it. People without a Pathfinder
account are in it too (a name and a job role), added one by one or from a
CSV file."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.scoping import get_for, scoped
from pathfinder.reports import exports
from pathfinder.workforce import presenters, training
from pathfinder.workforce.forms import (
    JobRoleForm,
    MarkDoneForm,
    StaffImportForm,
    StaffMemberForm,
    TrainingRecordForm,
)
from pathfinder.workforce.models import StaffMember, TrainingRecord
from pathfinder.workforce.practice_levels import JOB_ROLES
from pathfinder.workforce.views.access import MANAGE, get_member, get_programme, training_context

PEOPLE_PAGE = 50


def _requirements(programme):
    return training.plan_requirements(training.latest_plan(programme))


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
    others = Paginator(scoped(StaffMember, request.user).filter(service=service), PEOPLE_PAGE).get_page(
        request.GET.get("others")
    )
    records = (
        scoped(TrainingRecord, request.user)
        .filter(membership__in=[member.pk for member in page.object_list])
        .select_related("entry")
    )
    other_records = (
        scoped(TrainingRecord, request.user)
        .filter(staff__in=[person.pk for person in others.object_list])
        .select_related("entry")
    )
    required = training.required_levels(service)
    requirements = _requirements(programme)
    context = training_context(
        request,
        programme,
        section="people",
        page=page,
        others=others,
        rows=presenters.staff_rows(page.object_list, required, records, requirements),
        other_rows=presenters.staff_rows(others.object_list, required, other_records, requirements),
    )
    return render(request, "workforce/training/people.html", context)


def _person_urls(programme, person) -> dict:
    if isinstance(person, StaffMember):
        prefix, args = "training_staff", [programme.pk, person.pk]
    else:
        prefix, args = "training", [programme.pk, person.pk]
    return {
        "page": reverse(f"{prefix}_person", args=args),
        "add": reverse(f"{prefix}_record_add", args=args),
        "remove": f"{prefix}_record_remove",
        "done": f"{prefix}_record_done",
        "args": args,
    }


def _person_context(request, programme, person, *, role_form=None, record_form=None, done_form=None):
    service = programme.service
    mine = {"staff": person} if isinstance(person, StaffMember) else {"membership": person}
    records = scoped(TrainingRecord, request.user).filter(**mine).select_related("entry")
    row = presenters.staff_row(person, training.required_levels(service), records, _requirements(programme))
    role_form_shown = None
    if not isinstance(person, StaffMember):
        profile = getattr(person, "workforce_profile", None)
        role_form_shown = role_form or JobRoleForm(
            initial={"job_role": profile.job_role, "version": profile.version}
            if profile
            else {"version": training.NO_PROFILE}
        )
    return training_context(
        request,
        programme,
        section="people",
        crumbs=[{"text": "Staff training", "href": reverse("training_people", args=[programme.pk])}],
        member=person,
        row=row,
        urls=_person_urls(programme, person),
        forms=[form for form in (role_form, record_form, done_form) if form is not None],
        role_form=role_form_shown,
        record_form=record_form or TrainingRecordForm(entries=training.active_entries(service)),
        done_form=done_form or MarkDoneForm(),
        record_state=presenters.record_state,
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


def _name(person) -> str:
    return person.name if isinstance(person, StaffMember) else person.user.full_name


def _add_record(request, programme, person):
    form = TrainingRecordForm(request.POST, entries=training.active_entries(programme.service))
    if form.is_valid():
        entry = form.chosen_entry()
        status = form.cleaned_data["status"]
        try:
            training.add_record(person, entry, form.cleaned_data["completed_on"], by=request.user, status=status)
        except training.NotAllowed as refused:
            form.add_error("completed_on", str(refused))
        else:
            done = "recorded" if status == "done" else "booked"
            messages.success(request, f"“{entry.title}” is {done} for {_name(person)}.")
            return redirect(_person_urls(programme, person)["page"] + "#records")
    return render(
        request, "workforce/training/person.html", _person_context(request, programme, person, record_form=form)
    )


def _mark_done(request, programme, person, record):
    form = MarkDoneForm(request.POST)
    if form.is_valid():
        try:
            done = training.mark_done(person, record, form.cleaned_data["done_on"], by=request.user)
        except training.NotAllowed as refused:
            form.add_error("done_on", str(refused))
        else:
            if done is None:
                messages.info(request, "That booking had already been removed.")
            else:
                messages.success(request, f"“{done.entry.title}” is recorded as done for {_name(person)}.")
            return redirect(_person_urls(programme, person)["page"] + "#records")
    return render(
        request, "workforce/training/person.html", _person_context(request, programme, person, done_form=form)
    )


def _remove_record(request, programme, person, record):
    if training.remove_record(person, record, by=request.user):
        messages.success(request, f"The record is removed from {_name(person)}'s training.")
    else:
        messages.info(request, "That record had already been removed.")
    return redirect(_person_urls(programme, person)["page"] + "#records")


@require_POST
def record_add(request, pk, membership):
    programme = get_programme(request, pk, MANAGE)
    return _add_record(request, programme, get_member(request, programme, membership))


@require_POST
def record_done(request, pk, membership, record):
    programme = get_programme(request, pk, MANAGE)
    return _mark_done(request, programme, get_member(request, programme, membership), record)


@require_POST
def record_remove(request, pk, membership, record):
    programme = get_programme(request, pk, MANAGE)
    return _remove_record(request, programme, get_member(request, programme, membership), record)


# --- People without an account -------------------------------------------------------


def get_staff(request, programme, pk) -> StaffMember:
    return get_for(request, scoped(StaffMember, request.user).filter(service=programme.service), MANAGE, pk=pk)


@require_safe
def staff_person(request, pk, staff):
    programme = get_programme(request, pk, MANAGE)
    person = get_staff(request, programme, staff)
    return render(request, "workforce/training/person.html", _person_context(request, programme, person))


@require_POST
def staff_record_add(request, pk, staff):
    programme = get_programme(request, pk, MANAGE)
    return _add_record(request, programme, get_staff(request, programme, staff))


@require_POST
def staff_record_done(request, pk, staff, record):
    programme = get_programme(request, pk, MANAGE)
    return _mark_done(request, programme, get_staff(request, programme, staff), record)


@require_POST
def staff_record_remove(request, pk, staff, record):
    programme = get_programme(request, pk, MANAGE)
    return _remove_record(request, programme, get_staff(request, programme, staff), record)


def _staff_crumbs(programme):
    return [{"text": "Staff training", "href": reverse("training_people", args=[programme.pk])}]


@require_http_methods(["GET", "POST"])
def staff_new(request, pk):
    programme = get_programme(request, pk, MANAGE)
    form = StaffMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = training.add_staff_member(programme.service, **form.cleaned_data, by=request.user)
        except training.NotAllowed as refused:
            form.add_error("name", str(refused))
        else:
            messages.success(request, f"{person.name} is in the training register.")
            return redirect("training_staff_person", programme.pk, person.pk)
    context = training_context(request, programme, section="people", crumbs=_staff_crumbs(programme), form=form)
    return render(request, "workforce/training/staff_new.html", context)


@require_http_methods(["GET", "POST"])
def staff_import(request, pk):
    programme = get_programme(request, pk, MANAGE)
    form = StaffImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            made = training.import_staff(programme.service, upload.read(training.IMPORT_MAX_BYTES + 1), by=request.user)
        except training.ImportRefused as refused:
            problems = refused.problems
            form.add_error(
                "file",
                f"Nobody was added: the file has {len(problems)} problem{'s' if len(problems) != 1 else ''}, listed below.",
            )
        else:
            messages.success(
                request, f"{len(made)} {'person is' if len(made) == 1 else 'people are'} now in the training register."
            )
            return redirect(reverse("training_people", args=[programme.pk]) + "#others")
    context = training_context(
        request,
        programme,
        section="people",
        crumbs=_staff_crumbs(programme),
        form=form,
        problems=problems,
        job_roles=JOB_ROLES,
    )
    return render(request, "workforce/training/staff_import.html", context)


@require_safe
def register_export(request, pk):
    """The whole register as CSV: everyone, their role, and each record."""
    programme = get_programme(request, pk, MANAGE)
    service = programme.service
    members = (
        scoped(Membership, request.user).filter(service=service).active().select_related("user", "workforce_profile")
    )
    others = scoped(StaffMember, request.user).filter(service=service)
    records = (
        scoped(TrainingRecord, request.user)
        .filter(entry__service=service)
        .select_related("entry")
        .order_by("completed_on", "pk")
    )
    table = presenters.register_table(list(members), list(others), list(records))
    audit.record(audit.Kind.EXPORT, actor=request.user, service=service, what="training register", format="csv")
    return exports.csv_response(table, f"{service.slug}-training-register.csv")
