"""Outcome and screening measures: the list, loading one, recording answers,
and the results (aggregates only, through the disclosure gate)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import audit
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.core.uploads import in_memory_uploads
from pathfinder.measures import presenters, services
from pathfinder.measures import results as measure_results
from pathfinder.measures.forms import RecordForm, UploadForm
from pathfinder.measures.models import Measure
from pathfinder.programmes.models import Programme
from pathfinder.reports import exports
from pathfinder.reports.charts import render_svg


def _programme(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, Programme, perm, pk=pk)


def _measures(request, programme):
    return (
        scoped(Measure, request.user)
        .filter(service=programme.service)
        .select_related("instrument", "service")
        .prefetch_related("instrument__versions")
    )


def _measure(request, pk, measure_pk, perm: Perm):
    programme = _programme(request, pk)
    measure = get_for(request, _measures(request, programme), perm, pk=measure_pk)
    return programme, measure


def _page(request, programme, **context) -> dict:
    service = programme.service
    return service_context(
        request,
        service,
        programme=programme,
        current="measures",
        can_load=can(request.user, Perm.MANAGE_PROGRAMME, service),
        can_record=can(request.user, Perm.RECORD_FINDINGS, service),
        can_see_results=can(request.user, Perm.VIEW_SURVEY_RESULTS, service),
        can_export=can(request.user, Perm.EXPORT_DATA, service),
        min_group=measure_results.rules().min_group,
        **context,
    )


def _crumbs(programme, *extra):
    return [{"text": "Outcome measures", "href": reverse("measures_list", args=[programme.pk])}, *extra]


@require_safe
def measure_list(request, pk):
    programme = _programme(request, pk)
    measures = list(_measures(request, programme))
    context = _page(request, programme, measures=measures)
    return render(request, "measures/list.html", context)


@require_http_methods(["GET", "POST"])
@in_memory_uploads(services.MAX_FILE_BYTES)
def upload(request, pk):
    programme = _programme(request, pk, Perm.MANAGE_PROGRAMME)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            measure = services.load(
                programme.service,
                text=upload.text,
                name=upload.name,
                better=form.cleaned_data["better"],
                by=request.user,
            )
        except services.CannotLoad as error:
            problems = error.problems
            form.add_error(
                "file",
                f"The file could not be loaded: {len(problems)} problem{'s' if len(problems) != 1 else ''} to fix, listed below.",
            )
        else:
            messages.success(
                request, f"{measure} is loaded for {programme.service.name}. Only your service can see it."
            )
            return redirect("measures_list", programme.pk)
    context = _page(request, programme, form=form, problems=problems, breadcrumbs=_crumbs(programme))
    return render(request, "measures/upload.html", context, status=400 if form.errors else 200)


@require_POST
def use_example(request, pk):
    programme = _programme(request, pk, Perm.MANAGE_PROGRAMME)
    measure = services.load_example(programme.service, by=request.user)
    messages.success(request, f"{measure} is loaded. It is an example for trying things out, not a real measure.")
    return redirect("measures_list", programme.pk)


@require_http_methods(["GET", "POST"])
def record(request, pk, measure):
    programme, measure = _measure(request, pk, measure, Perm.RECORD_FINDINGS)
    version = measure.latest_version
    form = RecordForm(request.POST or None, definition=version.parsed)
    if request.method == "POST" and form.is_valid():
        try:
            services.record(
                measure,
                version=version,
                reference=form.cleaned_data["reference"],
                recorded_on=form.cleaned_data["recorded_on"],
                answers=form.answers(),
                by=request.user,
            )
        except services.AlreadyRecorded as problem:
            form.add_error("recorded_on", str(problem))
        else:
            messages.success(request, f"The record of {measure} has been saved.")
            return redirect("measures_record", programme.pk, measure.pk)
    context = _page(
        request,
        programme,
        measure=measure,
        version=version,
        form=form,
        breadcrumbs=_crumbs(
            programme, {"text": str(measure), "href": reverse("measures_results", args=[programme.pk, measure.pk])}
        ),
    )
    return render(request, "measures/record.html", context, status=400 if form.errors else 200)


@require_safe
def results(request, pk, measure):
    programme, measure = _measure(request, pk, measure, Perm.VIEW_SURVEY_RESULTS)
    found = measure_results.for_measures([measure])[measure.pk]
    chart = presenters.overall_chart(found, measure.latest_version.parsed)
    context = _page(
        request,
        programme,
        measure=measure,
        version=measure.latest_version,
        results=found,
        view=presenters.results_view(found),
        chart=chart,
        chart_svg=render_svg(chart, id_prefix="measure-trend") if chart else "",
        breadcrumbs=_crumbs(programme),
    )
    return render(request, "measures/results.html", context)


@require_safe
def export(request, pk, measure):
    programme, measure = _measure(request, pk, measure, Perm.EXPORT_DATA)
    found = measure_results.for_measures([measure])[measure.pk]
    audit.record(
        audit.Kind.EXPORT,
        actor=request.user,
        service=programme.service,
        target=measure,
        what=f"Outcome measure results: {measure}",
        format="xlsx",
    )
    name = f"{programme.service.slug}-{measure.instrument.key}-{timezone.localdate().isoformat()}.xlsx"
    return exports.xlsx_response(presenters.tables(found), name)
