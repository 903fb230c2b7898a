"""The implementation group: who is in it, its charter and every earlier
version of it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.planning.forms.group import CharterForm, GroupMemberForm
from pathfinder.planning.models import Charter, GroupMember, Meeting
from pathfinder.planning.services import group as services
from pathfinder.planning.views.access import get_programme, members, page, today


def _crumbs(programme):
    return [{"text": "Implementation group", "href": reverse("plan_group", args=[programme.pk])}]


def _group_members(request, programme):
    return list(
        scoped(GroupMember, request.user)
        .filter(programme=programme)
        .select_related("membership__user")
        .order_by("role", "membership__user__full_name")
    )


@require_safe
def group(request, pk):
    programme = get_programme(request, pk)
    meetings = list(
        scoped(Meeting, request.user).filter(programme=programme, working_group=None).order_by("-held_on", "-id")
    )
    now = today()
    context = page(
        request,
        programme,
        "group",
        group_members=_group_members(request, programme),
        charter=scoped(Charter, request.user).filter(programme=programme).order_by("-number").first(),
        upcoming=[meeting for meeting in reversed(meetings) if meeting.held_on >= now],
        past=[meeting for meeting in meetings if meeting.held_on < now],
        next_date=services.next_meeting_date(programme, now),
    )
    return render(request, "planning/group.html", context)


@require_http_methods(["GET", "POST"])
def group_members(request, pk):
    programme = get_programme(request, pk, Perm.MANAGE_PROGRAMME)
    current = _group_members(request, programme)
    in_group = {member.membership_id for member in current}
    candidates = [member for member in members(request, programme.service) if member.pk not in in_group]
    form = GroupMemberForm(request.POST if "add" in request.POST else None, candidates=candidates)
    if request.method == "POST" and "remove" in request.POST:
        leaving = next((member for member in current if str(member.pk) == request.POST["remove"]), None)
        if leaving is not None:
            services.remove_member(leaving, by=request.user)
            messages.success(request, f"{leaving.membership.user.full_name} is no longer listed in the group.")
        return redirect("plan_group_members", programme.pk)
    if request.method == "POST" and form.is_valid():
        added = services.add_member(
            programme=programme,
            membership=form.cleaned_data["membership"],
            role=form.cleaned_data["role"],
            by=request.user,
        )
        messages.success(request, f"{added.membership.user.full_name} has been added to the group.")
        return redirect("plan_group_members", programme.pk)
    context = page(request, programme, "group", form=form, group_members=current, breadcrumbs=_crumbs(programme))
    return render(request, "planning/group_members.html", context)


def _charters(request, programme):
    return scoped(Charter, request.user).filter(programme=programme).select_related("created_by").order_by("-number")


@require_safe
def charter(request, pk):
    programme = get_programme(request, pk)
    versions = list(_charters(request, programme))
    context = page(
        request,
        programme,
        "group",
        charter=versions[0] if versions else None,
        versions=versions,
        breadcrumbs=_crumbs(programme),
    )
    return render(request, "planning/charter.html", context)


@require_safe
def charter_version(request, pk):
    version = get_for(request, scoped(Charter, request.user).select_related("programme__service", "created_by"), pk=pk)
    programme = version.programme
    latest = _charters(request, programme).first()
    context = page(
        request,
        programme,
        "group",
        charter=version,
        is_latest=latest is not None and latest.pk == version.pk,
        breadcrumbs=[*_crumbs(programme), {"text": "Charter", "href": reverse("plan_charter", args=[programme.pk])}],
    )
    return render(request, "planning/charter_version.html", context)


FIELDS = ["purpose", "remit", "membership", "meets_every_weeks", "meetings", "reporting", "approved_on"]


@require_http_methods(["GET", "POST"])
def charter_new(request, pk):
    programme = get_programme(request, pk, Perm.MANAGE_PROGRAMME)
    latest = _charters(request, programme).first()
    initial = {name: getattr(latest, name) for name in FIELDS} if latest else {"meets_every_weeks": 6}
    initial["based_on"] = latest.number if latest else 0
    if latest:
        initial["approved_on"] = None  # a changed charter needs approving again
    form = CharterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.new_charter_version(
                programme=programme, based_on=data["based_on"], by=request.user, **{name: data[name] for name in FIELDS}
            )
        except StaleEdit as stale:
            newer = stale.current
            data_copy = form.data.copy()
            data_copy["based_on"] = str(newer.number)
            form = CharterForm(data_copy)
            form.is_valid()
            form.add_error(
                None,
                f"Someone else saved version {newer.number} of the charter while you were writing, so yours has not "
                "been saved yet. Their version is shown below. What you typed is still in the form: save again to "
                f"make it version {newer.number + 1}.",
            )
            latest = newer
        else:
            messages.success(
                request, f"Version {made.number} of the charter has been saved. Earlier versions are kept."
            )
            return redirect("plan_charter", programme.pk)
    context = page(
        request,
        programme,
        "group",
        form=form,
        latest=latest,
        breadcrumbs=[*_crumbs(programme), {"text": "Charter", "href": reverse("plan_charter", args=[programme.pk])}],
    )
    return render(request, "planning/charter_new.html", context)
