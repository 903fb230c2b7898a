"""A survey's results become a finding for the plan.

The finding may quote only a figure the results page itself shows for
everyone together: the figures are rebuilt here by the results page's own
builder (so through the disclosure gate), the person picks one by its key,
and the words of the figure are written by the server, never posted. What
people wrote in comments is never offered.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from pathfinder.core import audit
from pathfinder.core.pages import service_context
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import require
from pathfinder.instruments import disclosure
from pathfinder.programmes import services as programme_services
from pathfinder.programmes.forms import FindingForm
from pathfinder.surveys import views as survey_views
from pathfinder.surveys.registration import SOURCE


@dataclass(frozen=True)
class Figure:
    key: str
    text: str


def _shown(value) -> bool:
    return value is not None and not disclosure.is_hidden(value)


def _percent(value) -> str:
    return f"{value:.0f}%"


def _number(value) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def released_figures(built) -> list[Figure]:
    """Every figure the results page shows for everyone together, worded as
    a sentence a finding can quote. Nothing withheld, no comment."""
    if built is None or not built.released or built.key:
        return []
    found = []
    for _section, rows in built.sections:
        for row in rows:
            question = f"“{row.item.text}”"
            if _shown(row.share_high):
                found.append(
                    Figure(
                        f"{row.item.code}|high",
                        f"{_percent(row.share_high)} chose one of the top two answers to {question}",
                    )
                )
            if _shown(row.mean):
                found.append(
                    Figure(f"{row.item.code}|mean", f"The average answer to {question} was {_number(row.mean)}")
                )
            if row.item.type != "multi":
                for index, answer in enumerate(row.rows):
                    if _shown(answer.percent):
                        found.append(
                            Figure(
                                f"{row.item.code}|row|{index}",
                                f"{_percent(answer.percent)} answered “{answer.label}” to {question}",
                            )
                        )
    for index, score in enumerate(built.scores):
        if _shown(score.mean):
            found.append(Figure(f"score|{index}", f"The average {score.name.lower()} score was {_number(score.mean)}"))
    return found


class SurveyFindingForm(FindingForm):
    figure = forms.ChoiceField(
        label="Which figure does it rest on?",
        widget=forms.RadioSelect,
        help_text="Only figures the results page shows for everyone who answered.",
        error_messages={"required": "Choose the figure this finding rests on."},
    )
    field_order = ["figure", "text", "theme", "kind", "principles"]

    def __init__(self, *args, figures: list[Figure], **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["source_label"]  # the survey is the source
        self.fields["figure"].choices = [(figure.key, figure.text) for figure in figures]
        self.fields["text"].label = "What it tells you"
        self.fields["text"].help_text = (
            "In your own words. Do not copy what anyone wrote in a comment: even without a name, "
            "words can point to the person who wrote them."
        )


def _everyone(request, survey):
    """The results page's own figures, for everyone together (no filter)."""
    request.GET = QueryDict()
    return survey_views._results(request, survey)


@require_http_methods(["GET", "POST"])
def survey_finding(request, pk):
    survey = survey_views._survey(request, pk, Perm.VIEW_SURVEY_RESULTS)
    require(request, Perm.RECORD_FINDINGS, survey.programme.service)
    figures = released_figures(_everyone(request, survey))
    by_key = {figure.key: figure for figure in figures}
    form = SurveyFindingForm(request.POST or None, figures=figures) if figures else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        figure = by_key[data["figure"]]
        finding = programme_services.add_finding(
            programme=survey.programme,
            theme=data["theme"],
            kind=data["kind"],
            principles=data["principles"],
            text=f"{data['text'].strip()} ({figure.text}.)",
            by=request.user,
            source_type=SOURCE,
            source_id=f"{survey.pk}:{figure.key}",
            source_label=f"Survey: {survey.title}",
        )
        audit.record(
            audit.Kind.FINDING_CREATED,
            actor=request.user,
            service=survey.programme.service,
            target=finding,
            source=SOURCE,
        )
        messages.success(request, "Added to the programme's findings, ready for the implementation plan.")
        return redirect("survey_results", survey.pk)
    context = service_context(
        request,
        survey.programme.service,
        programme=survey.programme,
        current="surveys",
        survey=survey,
        form=form,
        breadcrumbs=[
            *survey_views._crumbs(survey),
            {"text": f"Results: {survey.title}", "href": reverse("survey_results", args=[survey.pk])},
        ],
    )
    return render(request, "surveys/finding_new.html", context)
