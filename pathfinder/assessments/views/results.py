"""Results of a round: theme scores, the chart against the baseline, strengths
and gaps that can become findings, and downloads for senior management."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from pathfinder.assessments import presenters, services
from pathfinder.assessments.models import AgreedScore, AssessmentRound, Rating
from pathfinder.assessments.views.access import can_run, get_round
from pathfinder.core import audit, documents
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import require, scoped
from pathfinder.instruments import scoring
from pathfinder.programmes.models import Finding
from pathfinder.reports import exports
from pathfinder.reports.charts import render_svg
from pathfinder.reports.content import BulletList, Document, Heading, Paragraph

Status = AssessmentRound.Status


def _visible_round(request, pk, perm=Perm.VIEW_PROGRAMME):
    """Results exist once ratings close: the lead sees them while agreeing,
    everyone in the programme once the round is closed."""
    round_ = get_round(request, pk, perm)
    if round_.status == Status.OPEN:
        raise Http404
    if round_.status == Status.CONSENSUS and not can_run(request, round_.programme.service):
        raise PermissionDenied
    return round_


def _baseline_pair(request, round_, definition, result):
    """This round beside the programme's baseline (if this is not it)."""
    baseline = (
        scoped(AssessmentRound, request.user)
        .filter(programme=round_.programme, kind=AssessmentRound.Kind.BASELINE, status=Status.CLOSED)
        .exclude(pk=round_.pk)
        .select_related("instrument_version")
        .order_by("closed_at")
        .first()
    )
    if baseline is None:
        return [(round_.title, result)], None
    shared = scoring.shared_codes(baseline.instrument_version.parsed, definition)
    same = baseline.instrument_version_id == round_.instrument_version_id
    only = None if same else shared
    agreed_then = scoped(AgreedScore, request.user).filter(round=baseline)
    agreed_now = scoped(AgreedScore, request.user).filter(round=round_)
    pairs = [
        (baseline.title, presenters.round_result(baseline.instrument_version.parsed, agreed_then, only)),
        (round_.title, presenters.round_result(definition, agreed_now, only)),
    ]
    return pairs, (None if same else len(shared))


@require_safe
def results(request, pk):
    round_ = _visible_round(request, pk)
    definition = round_.instrument_version.parsed
    agreed = list(scoped(AgreedScore, request.user).filter(round=round_))
    result = presenters.round_result(definition, agreed)
    pairs, shared = _baseline_pair(request, round_, definition, result)
    chart = presenters.comparison_chart(definition, pairs)
    made = set(
        scoped(Finding, request.user)
        .filter(programme=round_.programme, source_type="assessment", source_id__startswith=f"{round_.pk}:")
        .values_list("source_id", flat=True)
    )
    context = service_context(
        request,
        round_.programme.service,
        programme=round_.programme,
        current="assessment",
        round=round_,
        result=result,
        chart=chart,
        chart_svg=render_svg(chart, id_prefix="themes"),
        shared=shared,
        made={source_id.split(":", 1)[1] for source_id in made},
        scale=definition.scales[next(iter(definition.scales))],
        thresholds=definition.scoring,
        strength_groups=presenters.by_section(definition, result.strengths),
        gap_groups=presenters.by_section(definition, result.gaps),
        can_record=can(request.user, Perm.RECORD_FINDINGS, round_.programme.service),
        can_export=can(request.user, Perm.EXPORT_DATA, round_.programme.service),
        one_decimal=presenters.one_decimal,
        breadcrumbs=[{"text": round_.title, "href": reverse("assessment_round", args=[round_.pk])}],
    )
    return render(request, "assessments/results.html", context)


@require_POST
def make_finding(request, pk):
    round_ = _visible_round(request, pk)
    require(request, Perm.RECORD_FINDINGS, round_.programme.service)
    code, kind = request.POST.get("item", ""), request.POST.get("kind", "")
    definition = round_.instrument_version.parsed
    if kind not in {"strength", "gap"} or code not in {item.code for item in definition.items}:
        raise Http404
    services.make_finding(round_, code, kind=kind, by=request.user)
    messages.success(request, "Added to the programme's findings, ready for the implementation plan.")
    return redirect(reverse("assessment_results", args=[round_.pk]) + f"#item-{code}")


def _export_tables(request, round_):
    definition = round_.instrument_version.parsed
    agreed = list(scoped(AgreedScore, request.user).filter(round=round_))
    ratings = scoped(Rating, request.user).filter(rater__round=round_).select_related("rater")
    spreads = presenters.visible_spreads(definition, ratings, request.user.pk)
    result = presenters.round_result(definition, agreed)
    return (
        definition,
        result,
        [
            presenters.themes_table(f"{round_.title}: themes", result),
            presenters.items_table(definition, round_.title, spreads, agreed),
        ],
    )


@require_safe
def export(request, pk, fmt):
    if fmt not in {"csv", "xlsx", "pdf"}:
        raise Http404
    round_ = _visible_round(request, pk, Perm.EXPORT_DATA)
    definition, result, tables = _export_tables(request, round_)
    name = f"{round_.programme.service.slug}-{round_.title}"
    if fmt in {"csv", "xlsx"}:
        audit.record(
            audit.Kind.EXPORT,
            actor=request.user,
            service=round_.programme.service,
            target=round_,
            format=fmt,
            what="assessment results",
        )
    if fmt == "csv":
        return exports.csv_response(tables[1], f"{name}.csv")
    if fmt == "xlsx":
        return exports.xlsx_response(tables, f"{name}.xlsx")
    pairs, shared = _baseline_pair(request, round_, definition, result)
    chart = presenters.comparison_chart(definition, pairs)
    blocks = [
        Paragraph(
            f"{round_.get_kind_display()} organisational assessment using “{round_.instrument_version}”. "
            f"Status: {round_.get_status_display().lower()}. "
            f"{result.overall.answered} of {result.overall.items} items have an agreed score."
        ),
        Heading("Scores by theme"),
        chart,
    ]
    if shared is not None:
        blocks.append(
            Paragraph(
                f"The two rounds used different versions of the tool, so they are compared on the {shared} items both share."
            )
        )
    blocks += [
        Heading("Strengths to build on"),
        BulletList([item.text for item, _, _ in result.strengths] or ["None agreed at this level yet."]),
        Heading("Gaps to work on"),
        BulletList([item.text for item, _, _ in result.gaps] or ["None agreed at this level."]),
        tables[0],
    ]
    document = Document(
        title=f"{round_.title}: organisational assessment",
        subtitle=round_.programme.service.name,
        blocks=blocks,
    )
    return documents.deliver(
        request,
        service=round_.programme.service,
        target=round_,
        what="assessment results",
        fmt="pdf",
        filename=name,
        # While scores are being agreed, only those who run assessments see results (_visible_round).
        perm=[Perm.EXPORT_DATA] if round_.status == Status.CLOSED else [Perm.EXPORT_DATA, Perm.RUN_ASSESSMENTS],
        document=document,
    )
