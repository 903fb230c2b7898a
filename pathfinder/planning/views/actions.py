"""One action: adding it (from a finding, a suggestion, or from scratch), its
page and history, changing its details, and progress updates. A save from a
page that someone else has changed since is refused, with their change shown
beside what this person typed."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped
from pathfinder.planning import recommendations
from pathfinder.planning.forms.actions import ActionEditForm, ActionForm, UpdateForm
from pathfinder.planning.models import ActionUpdate, FeedbackItem
from pathfinder.planning.presenters.plan import action_row
from pathfinder.planning.services import actions as services
from pathfinder.planning.views.access import (
    action_form_choices,
    crumbs,
    get_action,
    get_programme,
    may_update,
    page,
    require_update,
    today,
)
from pathfinder.planning.wording import ACTION_FIELDS, describe, hours, money
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.presenters import finding_rows


def _prefill(request, choices) -> tuple[dict, recommendations.Recommendation | None]:
    """What 'make an action from this' and suggested actions fill in."""
    initial = {
        "starts_on": today(),
        "status": "not_started",
        "priority": "medium",
        "direct_cost": "0",
        "staff_hours": "0",
    }
    chosen = [finding for finding in choices["findings"] if str(finding.pk) in request.GET.getlist("finding")]
    if chosen:
        initial["findings"] = [str(finding.pk) for finding in chosen]
        initial["theme"] = chosen[0].theme
    suggestion = recommendations.by_key(request.GET.get("suggestion", ""))
    if suggestion is not None:
        initial |= {
            "title": suggestion.title,
            "description": f"{suggestion.text}\n\nSuggested by the recommendation library ({suggestion.cite}).",
            "theme": suggestion.theme,
            "suggestion": suggestion.key,
        }
    if request.GET.get("theme") in Theme.values and "theme" not in initial:
        initial["theme"] = request.GET["theme"]
    return initial, suggestion


@require_http_methods(["GET", "POST"])
def new(request, pk):
    programme = get_programme(request, pk, Perm.RECORD_FINDINGS)
    choices = action_form_choices(request, programme)
    initial, suggestion = _prefill(request, choices)
    form = ActionForm(request.POST or None, initial=initial, **choices)
    if request.method == "POST" and form.is_valid():
        action = services.create_action(
            programme=programme,
            by=request.user,
            findings=form.cleaned_data["findings"],
            suggestion_key=form.cleaned_data["suggestion"],
            **form.action_fields(),
        )
        messages.success(request, f"“{action.title}” is in the plan.")
        return redirect("plan_action", action.pk)
    context = page(
        request,
        programme,
        "plan",
        form=form,
        suggestion=suggestion or recommendations.by_key(request.POST.get("suggestion", "")),
        breadcrumbs=crumbs(programme),
    )
    return render(request, "planning/action_new.html", context)


@require_safe
def detail(request, pk):
    action = get_action(request, pk)
    programme = action.programme
    updates = scoped(ActionUpdate, request.user).filter(action=action).select_related("author", "meeting")
    findings = action.findings.select_related("created_by").order_by("-created_at")
    feedback = scoped(FeedbackItem, request.user).filter(action=action)
    context = page(
        request,
        programme,
        "plan",
        action=action,
        row=action_row(action, today()),
        costs={"direct": money(action.direct_cost), "hours": hours(action.staff_hours)},
        updates=updates,
        findings=finding_rows(findings),
        feedback=feedback,
        may_update=may_update(request, action),
        breadcrumbs=crumbs(programme),
    )
    return render(request, "planning/action.html", context)


def _initial(action) -> dict:
    initial = {name: getattr(action, name) for name in ACTION_FIELDS}
    for name in ("owner", "activity", "outcome", "funding_source"):
        value = getattr(action, f"{name}_id")
        initial[name] = str(value) if value else ""
    initial["findings"] = [str(pk) for pk in action.findings.values_list("pk", flat=True)]
    initial["version"] = action.version
    return initial


def _comparison(current, typed: dict, typed_findings) -> list[tuple[str, str, str]]:
    """(what, as saved now, as this person typed it) where they differ."""
    rows = []
    for name, label in ACTION_FIELDS.items():
        if name in typed and getattr(current, name) != typed[name]:
            rows.append((label, describe(name, getattr(current, name)), describe(name, typed[name])))
    saved = set(current.findings.values_list("pk", flat=True))
    wanted = {finding.pk for finding in typed_findings}
    if saved != wanted:
        rows.append(("Findings it answers", f"{len(saved)} linked", f"{len(wanted)} ticked"))
    return rows


def _newer_entries(request, action, version):
    return list(scoped(ActionUpdate, request.user).filter(action=action, version__gt=version).select_related("author"))


def _who(entries) -> str:
    names = sorted({entry.author.full_name or entry.author.email for entry in entries if entry.author})
    return " and ".join(names) if names else "Someone else"


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    action = get_action(request, pk, Perm.RECORD_FINDINGS)
    programme = action.programme
    choices = action_form_choices(request, programme)
    form = ActionEditForm(request.POST or None, initial=_initial(action), **choices)
    stale = None
    if request.method == "POST" and form.is_valid():
        opened = form.cleaned_data["version"]
        try:
            entry = services.edit_action(
                action, version=opened, by=request.user, findings=form.cleaned_data["findings"], **form.action_fields()
            )
        except StaleEdit as refused:
            # Show the action as saved now (the object above holds what was typed).
            current = action = get_action(request, pk, Perm.RECORD_FINDINGS)
            entries = _newer_entries(request, current, opened)
            stale = {
                "differences": _comparison(current, form.action_fields(), form.cleaned_data["findings"]),
                "entries": entries,
            }
            form = form.after_stale_save(
                refused.current.version,
                f"{_who(entries)} changed this action after you opened it, so your changes have not been saved yet. "
                "Their change is shown below, next to what you typed. Your changes are still in the form, on top "
                "of theirs: check them, then save again to keep them.",
                current=_initial(current),
                **choices,
            )
        else:
            messages.success(request, "The action has been updated." if entry else "Nothing was changed.")
            return redirect("plan_action", action.pk)
    context = page(
        request,
        programme,
        "plan",
        action=action,
        form=form,
        stale=stale,
        owner_left=action.owner_has_left,
        breadcrumbs=crumbs(programme, {"text": action.title, "href": reverse("plan_action", args=[action.pk])}),
    )
    return render(request, "planning/action_edit.html", context)


def _update_initial(action) -> dict:
    return {"status": action.status, "blocked_reason": action.blocked_reason, "version": action.version}


@require_http_methods(["GET", "POST"])
def update(request, pk):
    action = get_action(request, pk)
    require_update(request, action)
    form = UpdateForm(request.POST or None, initial=_update_initial(action))
    stale = None
    if request.method == "POST" and form.is_valid():
        opened = form.cleaned_data["version"]
        try:
            services.add_update(
                action,
                version=opened,
                by=request.user,
                text=form.cleaned_data["text"],
                status=form.cleaned_data["status"],
                blocked_reason=form.cleaned_data["blocked_reason"],
            )
        except StaleEdit as refused:
            current = refused.current
            entries = _newer_entries(request, action, opened)
            stale = {"differences": [], "entries": entries}
            form = form.after_stale_save(
                current.version,
                f"{_who(entries)} changed this action after you opened this page, so your update has not been "
                f"saved yet. Its status is now “{current.get_status_display()}”. Their change is shown below. "
                "Your update is still in the form: save again to add it.",
                current=_update_initial(current),
            )
        else:
            messages.success(request, "Your update has been added to the action's history.")
            return redirect("plan_action", action.pk)
    context = page(
        request,
        action.programme,
        "plan",
        action=action,
        form=form,
        stale=stale,
        breadcrumbs=crumbs(action.programme, {"text": action.title, "href": reverse("plan_action", args=[action.pk])}),
    )
    return render(request, "planning/action_update.html", context)
