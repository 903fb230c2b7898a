"""The Progress page: every repeated measure with its latest value, its SPC
reading and the theory of change it evidences; and one measure's chart, table
and sentence, with limits recalculated from a chosen point."""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from pathfinder.core.pages import service_context
from pathfinder.core.readahead import read_ahead
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, shared_lookups
from pathfinder.evidence import progress
from pathfinder.programmes.models import Programme
from pathfinder.programmes.registry import measure_sources, page_reads
from pathfinder.reports.charts import render_svg


def _programme(request, pk) -> Programme:
    return get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)


def _page(request, programme, **context) -> dict:
    return service_context(request, programme.service, programme=programme, current="programme", **context)


@require_safe
def overview(request, pk):
    # A page that only reads, of one programme: its measure sources share
    # their lookups and are scoped to the programme's service once.
    with shared_lookups():
        return _overview(request, pk)


def _overview(request, pk):
    programme = _programme(request, pk)
    # The measure sources' reads go to the database as one statement (core/readahead.py).
    read_ahead(page_reads("progress", programme, request.user))
    views = [progress.present(m) for m in progress.collect(programme, request.user, measure_sources())]
    context = _page(
        request,
        programme,
        groups=progress.grouped(views),
        counts=progress.reading_counts(views),
        links=progress.evidence_links(programme, request.user),
        total=len(views),
    )
    return render(request, "evidence/progress/overview.html", context)


class RecalculateForm(forms.Form):
    recalculate_from = forms.IntegerField(
        label="Recalculate the limits from point",
        min_value=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the number of the point to recalculate the limits from.",
            "invalid": "Enter the point as a whole number, such as 14.",
            "min_value": "Enter a point number of 1 or more.",
        },
    )

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.fields["recalculate_from"].help_text = (
            f"Counted from the first point. The earliest is point {progress.EARLIEST_RECALCULATION}, "
            f"so the limits before it still rest on {progress.EARLIEST_RECALCULATION - 1} points."
        )

    def clean_recalculate_from(self):
        point = self.cleaned_data["recalculate_from"]
        problem = progress.recalculation_problem(self.measure, point)
        if problem:
            raise forms.ValidationError(problem)
        return point


@require_safe
def measure(request, pk, key):
    programme = _programme(request, pk)
    found = {m.key: m for m in progress.collect(programme, request.user, measure_sources())}
    chosen = found.get(key)
    if chosen is None:
        raise Http404
    form = RecalculateForm(request.GET if "recalculate_from" in request.GET else None, measure=chosen)
    view = progress.present(chosen, recalculate_from=form.cleaned_data["recalculate_from"] if form.is_valid() else None)
    context = _page(
        request,
        programme,
        view=view,
        svg=render_svg(view.chart, id_prefix="measure") if view.chart else "",
        recalculate_form=form,
        forms=[form] if form.is_bound else [],
        links=progress.evidence_links(programme, request.user).get(chosen.key, []),
        breadcrumbs=[{"text": "Progress", "href": reverse("progress_overview", args=[programme.pk])}],
    )
    return render(request, "evidence/progress/measure.html", context, status=400 if form.errors else 200)
