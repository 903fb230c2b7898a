"""'You said, we did': recording feedback and what the service did about it,
and a printable summary for waiting rooms with no personal details."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.planning.forms.feedback import FeedbackEditForm, NewFeedbackForm
from pathfinder.planning.models import Action, FeedbackItem
from pathfinder.planning.services import feedback as services
from pathfinder.planning.views.access import get_programme, page

FIELDS = ["source", "received_on", "said", "theme", "response", "status", "action"]


def _crumbs(programme):
    return [{"text": "You said, we did", "href": reverse("plan_feedback", args=[programme.pk])}]


def _form_kwargs(request, programme) -> dict:
    """The plan's actions to link, and the names nobody should find in the text."""
    names = scoped(Membership, request.user).filter(service=programme.service).values_list("user__full_name", flat=True)
    return {
        "actions": list(scoped(Action, request.user).filter(programme=programme).order_by("title")),
        "names": [name for name in names if name],
    }


@require_safe
def feedback(request, pk):
    programme = get_programme(request, pk)
    items = scoped(FeedbackItem, request.user).filter(programme=programme).select_related("action")
    context = page(request, programme, "feedback", items=items)
    return render(request, "planning/feedback.html", context)


@require_http_methods(["GET", "POST"])
def feedback_new(request, pk):
    programme = get_programme(request, pk, Perm.RECORD_FINDINGS)
    kwargs = _form_kwargs(request, programme)
    form = NewFeedbackForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        services.record_feedback(
            programme=programme,
            by=request.user,
            add_to_findings=form.cleaned_data["add_to_findings"],
            **form.item_fields(),
        )
        messages.success(request, "The feedback has been recorded.")
        return redirect("plan_feedback", programme.pk)
    context = page(request, programme, "feedback", form=form, breadcrumbs=_crumbs(programme))
    return render(request, "planning/feedback_new.html", context)


def _initial(item) -> dict:
    initial = {name: getattr(item, name) for name in FIELDS}
    initial["action"] = str(item.action_id) if item.action_id else ""
    initial["version"] = item.version
    return initial


@require_http_methods(["GET", "POST"])
def feedback_edit(request, pk):
    item = get_for(
        request, scoped(FeedbackItem, request.user).select_related("programme__service"), Perm.RECORD_FINDINGS, pk=pk
    )
    programme = item.programme
    kwargs = _form_kwargs(request, programme)
    form = FeedbackEditForm(request.POST or None, initial=_initial(item), **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_feedback(item, version=form.cleaned_data["version"], by=request.user, **form.item_fields())
        except StaleEdit as stale:
            current = stale.current
            form = form.after_stale_save(
                current.version,
                "Someone else changed this feedback while you had it open, so your changes have not been saved yet. "
                f"It now says: “{current.said}”, and the response: “{current.response or 'none yet'}”. "
                "Your changes are still below, on top of theirs: save again to keep them.",
                current=_initial(current),
                **kwargs,
            )
        else:
            messages.success(request, "The feedback has been saved.")
            return redirect("plan_feedback", programme.pk)
    context = page(request, programme, "feedback", item=item, form=form, breadcrumbs=_crumbs(programme))
    return render(request, "planning/feedback_edit.html", context)


@require_POST
def feedback_publish(request, pk):
    item = get_for(
        request, scoped(FeedbackItem, request.user).select_related("programme__service"), Perm.MANAGE_PROGRAMME, pk=pk
    )
    publish = request.POST.get("publish") == "1"
    if publish and not item.response.strip():
        messages.info(request, "Add what the service did (or is doing) before it goes on the public summary.")
    else:
        services.set_published(item, published=publish, by=request.user)
        messages.success(
            request, "It is on the public summary." if publish else "It has been taken off the public summary."
        )
    return redirect(reverse("plan_feedback", args=[item.programme.pk]) + f"#feedback-{item.pk}")


@require_safe
def feedback_summary(request, pk):
    """For printing and putting up in waiting rooms: what was said and what
    was done, in plain words. No names, no dates finer than the month."""
    programme = get_programme(request, pk)
    items = (
        scoped(FeedbackItem, request.user)
        .filter(programme=programme, published=True)
        .exclude(response="")
        .only("said", "response", "received_on", "source", "status", "programme_id")
        .order_by("-received_on", "-id")
    )
    context = page(request, programme, "feedback", items=items, breadcrumbs=_crumbs(programme))
    return render(request, "planning/feedback_summary.html", context)
