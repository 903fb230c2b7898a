"""How surveys plug into the programme: nav item and dashboard panel."""

from django.urls import reverse

from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.programmes.registry import (
    FindingSource,
    InvitableSource,
    PageRead,
    Panel,
    register_finding_source,
    register_invitable_source,
    register_page_read,
    register_panel,
)
from pathfinder.programmes.services import current_programme
from pathfinder.surveys import demo


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("survey_list", args=[programme.pk]) if programme else None


def _survey_query(programme, user):
    from pathfinder.core.scoping import scoped
    from pathfinder.surveys.models import Survey

    return (
        scoped(Survey, user)
        .filter(programme=programme)
        .select_related("instrument_version__instrument", "programme")
        .order_by("closes_on", "id")
    )


SURVEYS = PageRead(key=lambda programme, user: ("surveys", user.pk, programme.pk), queryset=_survey_query)
register_page_read("surveys", SURVEYS)


def _surveys(programme, user) -> list:
    """The programme's surveys, with their questionnaires, in the order they
    close: one query, asked once per page (the panel and the Progress
    measures share it)."""
    return SURVEYS.read(programme, user)


def _panel(programme, request) -> dict:
    # The three opened last (the newest first among those opened the same day).
    surveys = sorted(_surveys(programme, request.user), key=lambda survey: (survey.opens_on, survey.pk), reverse=True)
    return {"surveys": surveys[:3]}


register_nav(NavItem("surveys", "Surveys", _nav, Perm.VIEW_PROGRAMME, order=40))
register_panel(Panel(key="surveys", title="Staff surveys", template="surveys/panel.html", context=_panel, order=30))


# Findings made from a survey's released results link back to them.
SOURCE = "survey"


def _source_link(finding):
    survey_id = finding.source_id.split(":", 1)[0]
    return reverse("survey_results", args=[survey_id]) if survey_id.isdigit() else None


register_finding_source(FindingSource(key=SOURCE, label="Staff survey", link=_source_link))


def _invitable(programme, user, kind="") -> list[tuple[str, str]]:
    """The programme's surveys (optionally of one kind, such as "tna"), for
    registers that record who was invited to which."""
    from pathfinder.core.scoping import scoped
    from pathfinder.surveys.models import Survey

    surveys = scoped(Survey, user).filter(programme=programme).order_by("-opens_on", "-id")
    if kind:
        surveys = surveys.filter(kind=kind)
    return [(str(pk), title) for pk, title in surveys.values_list("pk", "title")]


register_invitable_source(
    InvitableSource(
        key=SOURCE,
        label="Survey",
        choices=_invitable,
        link=lambda ref_id: reverse("survey_detail", args=[ref_id]),
        link_perm=Perm.RUN_SURVEYS,
    )
)

core_demo.register(demo.load)


def _survey_measures(programme, user) -> list:
    """Each question's average and each subscale's average across the closed
    surveys of the same questionnaire, oldest first, for everyone together:
    only figures the disclosure gate releases, worked out exactly as the results
    page does (results.build). A wave whose figure is withheld has no point for
    it: it is missing, never estimated. Only for people who may see survey
    results. Each closed survey's results are worked out once and kept
    (surveys/kept.py). Five queries, however many surveys or answers."""
    from pathfinder.core.permissions import can
    from pathfinder.core.roles import Perm
    from pathfinder.instruments import disclosure
    from pathfinder.programmes.registry import Measure, MeasurePoint
    from pathfinder.surveys import kept, results, services

    if not can(user, Perm.VIEW_SURVEY_RESULTS, programme.service):
        return []
    surveys = [survey for survey in _surveys(programme, user) if survey.has_closed()]
    if not surveys:
        return []
    padding = services.known_answers_for(surveys)
    kept_results = kept.results_for(
        surveys, {survey.pk: results.rules(padding.get(survey.pk, 0)) for survey in surveys}, {}
    )
    series: dict[str, dict] = {}
    for survey in surveys:
        instrument = survey.instrument_version.instrument
        built = kept_results[survey.pk]
        if not built.released:
            continue
        href = reverse("survey_results", args=[survey.pk])
        figures = [
            (f"item:{row.item.code}", row.item.text, row.mean)
            for _, rows in built.sections
            for row in rows
            if row.item.type in {"scale", "number"}
        ]
        figures += [(f"score:{score.name}", f"{score.name} (score)", score.mean) for score in built.scores]
        for code, title, mean in figures:
            key = f"survey:{instrument.pk}:{code}".replace("/", "-")
            entry = series.setdefault(key, {"title": title, "group": f"Survey: {instrument.name}", "points": []})
            entry["href"] = href
            if mean is not None and not disclosure.is_hidden(mean):
                entry["points"].append(MeasurePoint(label=survey.title, on=survey.last_day, value=float(mean)))
    return [
        Measure(
            key=key,
            title=entry["title"],
            group=entry["group"],
            unit="",
            points=tuple(entry["points"]),
            # Questions may be worded either way round, so no direction is assumed better.
            direction="neither",
            href=entry["href"],
        )
        for key, entry in series.items()
        if entry["points"]
    ]


from pathfinder.programmes.registry import MeasureSource, register_measure_source  # noqa: E402

register_measure_source(MeasureSource(key="survey", title="Staff surveys", measures=_survey_measures, order=30))
