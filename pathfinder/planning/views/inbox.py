"""The findings inbox: every finding of the programme, from any tool, with
what has happened to it (new, answered by an action, or set aside), and the
recommendation library's suggested actions."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.planning import recommendations
from pathfinder.planning.forms.actions import InboxFilterForm, SetAsideForm
from pathfinder.planning.models import Action
from pathfinder.planning.services import actions as services
from pathfinder.planning.views.access import crumbs, get_programme, page
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding
from pathfinder.programmes.presenters import finding_rows

INBOX_PAGE = 50


def _findings(request, programme):
    return (
        scoped(Finding, request.user)
        .filter(programme=programme)
        .select_related("plan_decision", "created_by")
        .annotate(answered_by=Count("plan_actions", distinct=True))
        .prefetch_related(
            Prefetch(
                "plan_actions", queryset=scoped(Action, request.user).only("id", "title", "programme_id").order_by("id")
            )
        )
        .order_by("-created_at", "-id")
    )


def _state(finding) -> str:
    if finding.answered_by:
        return "answered"
    if hasattr(finding, "plan_decision"):
        return "set_aside"
    return "new"


def _counts(request, programme) -> dict:
    findings = scoped(Finding, request.user).filter(programme=programme)
    return findings.aggregate(
        total=Count("id", distinct=True),
        answered=Count("id", filter=Q(plan_actions__isnull=False), distinct=True),
        set_aside=Count("id", filter=Q(plan_decision__isnull=False, plan_actions__isnull=True), distinct=True),
    )


def used_suggestions(request, programme) -> set[str]:
    return set(
        scoped(Action, request.user)
        .filter(programme=programme)
        .exclude(suggestion_key="")
        .values_list("suggestion_key", flat=True)
    )


@require_safe
def inbox(request, pk):
    programme = get_programme(request, pk)
    filters = InboxFilterForm(request.GET or None)
    findings = _findings(request, programme)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    if chosen.get("theme"):
        findings = findings.filter(theme=chosen["theme"])
    if chosen.get("principle"):
        findings = findings.with_principle(chosen["principle"])
    state = chosen.get("state", "")
    if state == "answered":
        findings = findings.filter(answered_by__gt=0)
    elif state == "set_aside":
        findings = findings.filter(answered_by=0, plan_decision__isnull=False)
    elif state == "new":
        findings = findings.filter(answered_by=0, plan_decision__isnull=True)
    paginated = Paginator(findings, INBOX_PAGE).get_page(request.GET.get("page"))
    rows = [
        {**row, "state": _state(row["finding"]), "actions": list(row["finding"].plan_actions.all())}
        for row in finding_rows(paginated.object_list)
    ]
    counts = _counts(request, programme)
    counts["new"] = counts["total"] - counts["answered"] - counts["set_aside"]
    theme = chosen.get("theme", "")
    context = page(
        request,
        programme,
        "inbox",
        filters=filters,
        rows=rows,
        page_obj=paginated,
        query=urlencode({name: value for name, value in chosen.items() if value}),
        counts=counts,
        theme=theme,
        theme_label=Theme(theme).label if theme else "",
        suggestions=recommendations.for_theme(theme) if theme else [],
        used=used_suggestions(request, programme) if theme else set(),
    )
    return render(request, "planning/inbox.html", context)


def _finding(request, pk, perm=Perm.VIEW_PROGRAMME) -> Finding:
    findings = scoped(Finding, request.user).select_related("programme__service", "plan_decision")
    return get_for(request, findings, perm, pk=pk)


@require_http_methods(["GET", "POST"])
def set_aside(request, pk):
    finding = _finding(request, pk, Perm.RECORD_FINDINGS)
    programme = finding.programme
    decision = getattr(finding, "plan_decision", None)
    form = SetAsideForm(request.POST or None, initial={"reason": decision.set_aside_reason if decision else ""})
    if request.method == "POST" and form.is_valid():
        services.set_aside(finding, reason=form.cleaned_data["reason"], by=request.user)
        messages.success(request, "The finding has been set aside, with the reason. You can bring it back at any time.")
        return redirect(reverse("plan_inbox", args=[programme.pk]) + f"#finding-{finding.pk}")
    context = page(
        request,
        programme,
        "inbox",
        finding=finding,
        row=finding_rows([finding])[0],
        decision=decision,
        form=form,
        breadcrumbs=crumbs(programme, {"text": "Findings inbox", "href": reverse("plan_inbox", args=[programme.pk])}),
    )
    return render(request, "planning/set_aside.html", context)


@require_POST
def bring_back(request, pk):
    finding = _finding(request, pk, Perm.RECORD_FINDINGS)
    services.bring_back(finding, by=request.user)
    messages.success(request, "The finding is back in the inbox as new.")
    return redirect(reverse("plan_inbox", args=[finding.programme.pk]) + f"#finding-{finding.pk}")


@require_safe
def suggestions(request, pk):
    programme = get_programme(request, pk)
    context = page(
        request,
        programme,
        "inbox",
        groups=recommendations.grouped(),
        used=used_suggestions(request, programme),
        breadcrumbs=crumbs(programme, {"text": "Findings inbox", "href": reverse("plan_inbox", args=[programme.pk])}),
    )
    return render(request, "planning/suggestions.html", context)
