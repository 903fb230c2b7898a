"""MAT standards: the ten at a glance, one standard's history and trend,
rating it, citing the plan's actions, and the annual-return export."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import audit, documents
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.evidence import presenters, services
from pathfinder.evidence.forms import ActionLinkForm, RatingForm
from pathfinder.evidence.mat import BY_NUMBER, RATING_MEANING, Rating
from pathfinder.evidence.models import MatStandardAction, MatStandardRating
from pathfinder.programmes.models import Programme
from pathfinder.programmes.registry import plan_actions, supporting_figure_sources
from pathfinder.reports import exports
from pathfinder.reports.charts import render_svg


def _programme(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, Programme, perm, pk=pk)


def _standard(number: int):
    try:
        return BY_NUMBER[number]
    except KeyError:
        raise Http404 from None


def _page(request, programme, **context) -> dict:
    service = programme.service
    return service_context(
        request,
        service,
        programme=programme,
        current="mat",
        can_rate=can(request.user, Perm.RECORD_FINDINGS, service),
        can_export=can(request.user, Perm.EXPORT_DATA, service),
        ratings_meaning=[(value, label, RATING_MEANING[value]) for value, label in Rating.choices],
        tag=presenters.tag,
        rated_by=presenters.rated_by,
        **context,
    )


def _ratings(request, programme):
    return scoped(MatStandardRating, request.user).filter(programme=programme).select_related("rated_by")


def _cited(request, programme, refs: dict) -> dict[int, list]:
    """The actions cited for each standard, skipping any no longer in the plan."""
    cited: dict[int, list] = {}
    for link in scoped(MatStandardAction, request.user).filter(programme=programme):
        if link.action_id in refs:
            cited.setdefault(link.standard, []).append(refs[link.action_id])
    return cited


@require_safe
def overview(request, pk):
    programme = _programme(request, pk)
    rows = presenters.latest_by_standard(_ratings(request, programme))
    context = _page(request, programme, rows=rows, counts=presenters.colour_counts(rows))
    return render(request, "evidence/overview.html", context)


def _figures(request, programme, standard) -> list:
    if not standard.trauma_informed:
        return []
    return [(source, source.figures(programme, request.user)) for source in supporting_figure_sources()]


@require_safe
def standard(request, pk, number):
    programme = _programme(request, pk)
    return _standard_page(request, programme, _standard(number))


def _standard_page(request, programme, standard, form=None):
    ratings = list(_ratings(request, programme).filter(standard=standard.number))
    trend = presenters.trend(standard, ratings)
    refs = {ref.pk: ref for ref in plan_actions(programme, request.user)}
    cited = _cited(request, programme, refs).get(standard.number, [])
    cited_ids = {ref.pk for ref in cited}
    context = _page(
        request,
        programme,
        standard=standard,
        ratings=ratings,
        trend=trend,
        trend_svg=render_svg(trend.chart, id_prefix="mat-trend") if trend else "",
        figures=_figures(request, programme, standard),
        cited=cited,
        forms=[form] if form else [],
        link_form=form or ActionLinkForm(actions=[ref for ref in refs.values() if ref.pk not in cited_ids]),
        has_actions=bool(refs),
    )
    return render(request, "evidence/standard.html", context, status=400 if form else 200)


@require_http_methods(["GET", "POST"])
def rate(request, pk, number):
    programme = _programme(request, pk, Perm.RECORD_FINDINGS)
    standard = _standard(number)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.rate(programme=programme, standard=standard.number, by=request.user, **form.cleaned_data)
        messages.success(request, f"The rating for standard {standard.number} has been saved.")
        return redirect("mat_standard", programme.pk, standard.number)
    crumbs = [
        {"text": "MAT standards", "href": reverse("mat_overview", args=[programme.pk])},
        {"text": standard.title, "href": reverse("mat_standard", args=[programme.pk, standard.number])},
    ]
    context = _page(request, programme, standard=standard, form=form, breadcrumbs=crumbs)
    return render(request, "evidence/rate.html", context)


@require_POST
def cite_action(request, pk, number):
    programme = _programme(request, pk, Perm.RECORD_FINDINGS)
    standard = _standard(number)
    refs = {ref.pk: ref for ref in plan_actions(programme, request.user)}
    cited = {ref.pk for ref in _cited(request, programme, refs).get(standard.number, [])}
    form = ActionLinkForm(request.POST, actions=[ref for ref in refs.values() if ref.pk not in cited])
    if not form.is_valid():
        return _standard_page(request, programme, standard, form=form)
    services.cite_action(
        programme=programme, standard=standard.number, action_id=int(form.cleaned_data["action"]), by=request.user
    )
    messages.success(request, f"The action is now listed as serving standard {standard.number}.")
    return redirect(reverse("mat_standard", args=[programme.pk, standard.number]) + "#actions")


@require_safe
def export(request, pk, fmt):
    if fmt not in {"xlsx", "pdf"}:
        raise Http404
    programme = _programme(request, pk, Perm.EXPORT_DATA)
    ratings = list(_ratings(request, programme))
    rows = presenters.latest_by_standard(ratings)
    refs = {ref.pk: ref for ref in plan_actions(programme, request.user)}
    cited = _cited(request, programme, refs)
    today = timezone.localdate()
    name = f"{programme.service.slug}-mat-standards-{today.isoformat()}"
    if fmt == "xlsx":
        audit.record(
            audit.Kind.EXPORT,
            actor=request.user,
            service=programme.service,
            target=programme,
            what="MAT standards",
            format=fmt,
        )
        return exports.xlsx_response(presenters.return_tables(rows, ratings, cited), f"{name}.xlsx")
    document = presenters.return_document(programme.service, today, rows, ratings, cited)
    return documents.deliver(
        request,
        service=programme.service,
        target=programme,
        what="MAT standards",
        fmt="pdf",
        filename=name,
        perm=Perm.EXPORT_DATA,
        document=document,
    )
