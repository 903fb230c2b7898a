"""A person's own wellbeing plan. Every view works on `request.user`'s plan only:
there are no ids in these URLs, so nobody can ask for anyone else's."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core.concurrency import StaleEdit
from pathfinder.reports.exports import pdf_response
from pathfinder.workforce import services
from pathfinder.workforce.forms import WellbeingPlanForm
from pathfinder.workforce.presenters import plan_document, plan_sections

PLAN_CHANGED = (
    "Your plan was changed in another window or on another device after you opened this page, "
    "so these changes have not been saved yet. Your words are still in the form below: "
    "save again to keep them in place of the other changes."
)
PLAN_DELETED = (
    "Your plan was deleted in another window or on another device after you opened this page, "
    "so nothing has been saved yet. Your words are still in the form below: save to start a new plan with them."
)


@require_safe
def wellbeing_plan(request):
    plan = services.plan_for(request.user)
    context = {"plan": plan, "sections": plan_sections(plan) if plan else []}
    return render(request, "workforce/wellbeing_plan.html", context)


@require_http_methods(["GET", "POST"])
def wellbeing_plan_edit(request):
    plan = services.plan_for(request.user)
    initial = {**plan.texts, "version": plan.version} if plan else {"version": services.NO_PLAN}
    form = WellbeingPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_plan(request.user, form.texts(), form.cleaned_data["version"])
        except StaleEdit as stale:
            current = stale.current
            form = form.after_stale_save(
                current.version if current else services.NO_PLAN, PLAN_CHANGED if current else PLAN_DELETED
            )
        else:
            messages.success(request, "Your wellbeing plan has been saved.")
            return redirect("wellbeing_plan")
    context = {
        "form": form,
        "is_new": plan is None,
        "breadcrumbs": [{"text": "Your wellbeing plan", "href": reverse("wellbeing_plan")}],
    }
    return render(request, "workforce/wellbeing_plan_edit.html", context)


@require_safe
def wellbeing_plan_pdf(request):
    plan = services.plan_for(request.user)
    if plan is None:
        messages.info(request, "There is nothing to print yet. Once you have started your plan, you can print it.")
        return redirect("wellbeing_plan")
    # pdf_response marks the download no-store, so no browser or proxy keeps a copy.
    return pdf_response(plan_document(plan, request.user), "my-wellbeing-plan")


@require_http_methods(["GET", "POST"])
def wellbeing_plan_delete(request):
    plan = services.plan_for(request.user)
    if request.method == "POST":
        if services.delete_plan(request.user):
            messages.success(request, "Your wellbeing plan has been deleted. You can start a new one at any time.")
        return redirect("wellbeing_plan")
    if plan is None:
        return redirect("wellbeing_plan")
    context = {"breadcrumbs": [{"text": "Your wellbeing plan", "href": reverse("wellbeing_plan")}]}
    return render(request, "workforce/wellbeing_plan_delete.html", context)
