"""Implementation group meetings: recording one, raising actions straight into
the plan, ticking the actions reviewed, and the reminder e-mail."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.planning.forms.group import MeetingActionForm, MeetingEditForm, MeetingForm, ReviewForm
from pathfinder.planning.models import Action, GroupMember, Meeting
from pathfinder.planning.presenters.plan import action_rows
from pathfinder.planning.services import actions as action_services
from pathfinder.planning.services import group as services
from pathfinder.planning.views.access import get_programme, members, owner_choices, page, plan_last_day, today
from pathfinder.planning.wording import long_date


def _crumbs(programme, meeting=None):
    """A working group's meeting sits under that group, not the implementation group."""
    group = meeting.working_group if meeting is not None else None
    if group is not None:
        return [
            {"text": "Working groups", "href": reverse("discovery_working_groups", args=[programme.pk])},
            {"text": group.name, "href": reverse("discovery_working_group", args=[group.pk])},
        ]
    return [{"text": "Implementation group", "href": reverse("plan_group", args=[programme.pk])}]


def get_meeting(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Meeting:
    return get_for(
        request, scoped(Meeting, request.user).select_related("programme__service", "working_group"), perm, pk=pk
    )


def _attendee_choices(request, programme):
    """Group members first, then everyone else in the service."""
    in_group = set(
        scoped(GroupMember, request.user).filter(programme=programme).values_list("membership_id", flat=True)
    )
    people = members(request, programme.service)
    return sorted(people, key=lambda member: (member.pk not in in_group, member.user.full_name))


@require_http_methods(["GET", "POST"])
def meeting_new(request, pk):
    programme = get_programme(request, pk, Perm.RECORD_FINDINGS)
    people = _attendee_choices(request, programme)
    form = MeetingForm(
        request.POST or None, members=people, initial={"held_on": services.next_meeting_date(programme, today())}
    )
    if request.method == "POST" and form.is_valid():
        meeting = services.record_meeting(
            programme=programme, by=request.user, attendees=form.cleaned_data["attendees"], **form.meeting_fields()
        )
        messages.success(request, f"The meeting on {long_date(meeting.held_on)} has been saved.")
        return redirect("plan_meeting", meeting.pk)
    context = page(request, programme, "group", form=form, breadcrumbs=_crumbs(programme))
    return render(request, "planning/meeting_new.html", context)


def _review_form(request, meeting, data=None):
    actions = list(services.actions_to_review(meeting.programme, meeting.held_on, today()))
    rows = {str(row.action.pk): row for row in action_rows(actions, today())}
    labels = {
        key: f"{row.action.title} – due {long_date(row.action.due_on)}, {row.owner}"
        + (", overdue" if row.overdue else "")
        + (f", {row.status.lower()}" if row.action.status != "not_started" else "")
        for key, row in rows.items()
    }
    reviewed = set(meeting.reviewed_actions.values_list("pk", flat=True))
    return ReviewForm(data, actions=actions, labels=labels, initial={"reviewed": [str(pk) for pk in reviewed]})


@require_safe
def meeting(request, pk):
    item = get_meeting(request, pk)
    programme = item.programme
    raised = scoped(Action, request.user).filter(raised_at=item).select_related("owner__user").order_by("id")
    context = page(
        request,
        programme,
        "group",
        meeting=item,
        attendees=sorted(item.attendees.select_related("user"), key=lambda member: member.user.full_name),
        raised=action_rows(raised, today()),
        review_form=_review_form(request, item),
        breadcrumbs=_crumbs(programme, item),
    )
    return render(request, "planning/meeting.html", context)


def _initial(item) -> dict:
    return {
        "held_on": item.held_on,
        "attendees": [str(pk) for pk in item.attendees.values_list("pk", flat=True)],
        "notes": item.notes,
        "decisions": item.decisions,
        "decisions_needed": item.decisions_needed,
        "version": item.version,
    }


@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    item = get_meeting(request, pk, Perm.RECORD_FINDINGS)
    programme = item.programme
    people = _attendee_choices(request, programme)
    form = MeetingEditForm(request.POST or None, members=people, initial=_initial(item))
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_meeting(
                item,
                version=form.cleaned_data["version"],
                by=request.user,
                attendees=form.cleaned_data["attendees"],
                **form.meeting_fields(),
            )
        except StaleEdit as stale:
            item = get_meeting(request, pk, Perm.RECORD_FINDINGS)  # as saved now, not as typed
            form = form.after_stale_save(
                stale.current.version,
                "Someone else saved this meeting's record while you had it open, so your changes have not been "
                "saved yet. Your changes are still below, on top of theirs. Save again to keep them.",
                current=_initial(item),
                members=people,
            )
        else:
            messages.success(request, "The meeting record has been saved.")
            return redirect("plan_meeting", item.pk)
    context = page(
        request,
        programme,
        "group",
        meeting=item,
        form=form,
        breadcrumbs=[
            *_crumbs(programme, item),
            {"text": f"Meeting on {long_date(item.held_on)}", "href": reverse("plan_meeting", args=[item.pk])},
        ],
    )
    return render(request, "planning/meeting_edit.html", context)


@require_http_methods(["GET", "POST"])
def meeting_action(request, pk):
    """Raise an action straight into the plan from the meeting."""
    item = get_meeting(request, pk, Perm.RECORD_FINDINGS)
    programme = item.programme
    service = programme.service
    form = MeetingActionForm(
        request.POST or None, **owner_choices(request, service), meeting=item, plan_ends=plan_last_day(programme)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = action_services.create_action(
            programme=programme,
            by=request.user,
            raised_at=item,
            starts_on=item.held_on,
            title=data["title"],
            description=data["description"],
            theme=data["theme"],
            owner=data["owner"],
            due_on=data["due_on"],
        )
        messages.success(request, f"“{action.title}” is in the plan, raised at this meeting.")
        return redirect("plan_meeting", item.pk)
    context = page(
        request,
        programme,
        "group",
        meeting=item,
        form=form,
        breadcrumbs=[
            *_crumbs(programme, item),
            {"text": f"Meeting on {long_date(item.held_on)}", "href": reverse("plan_meeting", args=[item.pk])},
        ],
    )
    return render(request, "planning/meeting_action.html", context)


@require_POST
def meeting_review(request, pk):
    item = get_meeting(request, pk, Perm.RECORD_FINDINGS)
    form = _review_form(request, item, request.POST)
    if form.is_valid():
        added = services.review_actions(item, form.cleaned_data["reviewed"], by=request.user)
        messages.success(
            request, f"{added} action{'s' if added != 1 else ''} marked as reviewed. Each one's history says so."
        )
    else:
        messages.info(request, "Some of those actions are no longer on the list, so nothing was changed.")
    return redirect(reverse("plan_meeting", args=[item.pk]) + "#review")


@require_POST
def meeting_remind(request, pk):
    item = get_meeting(request, pk, Perm.MANAGE_PROGRAMME)
    sent = services.send_reminder(item, by=request.user, today=today())
    if sent:
        messages.success(request, f"The reminder has been e-mailed to {sent} group member{'s' if sent != 1 else ''}.")
    else:
        messages.info(request, "There is nobody to remind yet: add people to the implementation group first.")
    return redirect("plan_meeting", item.pk)
