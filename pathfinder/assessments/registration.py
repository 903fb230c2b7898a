"""How the assessment plugs into the programme: a dashboard panel, a nav item
and a source for the findings it creates."""

from django.urls import reverse

from pathfinder.assessments import demo
from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.programmes.registry import (
    FindingSource,
    PageRead,
    Panel,
    SupportingFigure,
    SupportingFigureSource,
    register_finding_source,
    register_page_read,
    register_panel,
    register_supporting_figures,
)
from pathfinder.programmes.services import current_programme


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("assessment_overview", args=[programme.pk]) if programme else None


def _round_query(programme, user):
    from pathfinder.assessments.models import AssessmentRound
    from pathfinder.core.scoping import scoped

    return (
        scoped(AssessmentRound, user)
        .filter(programme=programme)
        .select_related("instrument_version")
        .order_by("-opened_at", "-id")
    )


ROUNDS = PageRead(key=lambda programme, user: ("assessment-rounds", user.pk, programme.pk), queryset=_round_query)
register_page_read("assessment-rounds", ROUNDS)


def _rounds(programme, user) -> list:
    """The programme's rounds with their questionnaires, newest first: one
    query, asked once per page (the panel and the Progress measures share it)."""
    return ROUNDS.read(programme, user)


def _panel(programme, request) -> dict:
    rounds = _rounds(programme, request.user)
    return {"latest": rounds[0] if rounds else None, "total": len(rounds)}


def _source_link(finding):
    round_id = finding.source_id.split(":", 1)[0]
    return reverse("assessment_results", args=[round_id]) if round_id.isdigit() else None


register_nav(NavItem("assessment", "Assessment", _nav, Perm.VIEW_PROGRAMME, order=30))
register_panel(
    Panel(
        key="assessment", title="Organisational assessment", template="assessments/panel.html", context=_panel, order=20
    )
)
register_finding_source(FindingSource(key="assessment", label="Organisational assessment", link=_source_link))
core_demo.register(demo.load)


def _theme_scores(programme, user) -> list[SupportingFigure]:
    """The latest closed round's agreed score for each theme (MAT standards 6 and 10)."""
    from pathfinder.assessments import presenters
    from pathfinder.assessments.models import AgreedScore, AssessmentRound
    from pathfinder.core.scoping import scoped

    latest = (
        scoped(AssessmentRound, user)
        .filter(programme=programme, status=AssessmentRound.Status.CLOSED)
        .select_related("instrument_version")
        .order_by("-closed_at", "-id")
        .first()
    )
    if latest is None:
        return []
    result = presenters.round_result(
        latest.instrument_version.parsed, list(scoped(AgreedScore, user).filter(round=latest))
    )
    href = reverse("assessment_results", args=[latest.pk])
    return [
        SupportingFigure(
            f"{theme.title} ({latest.title})", "not scored" if theme.score is None else f"{theme.score:.1f}", href
        )
        for theme in result.themes
    ]


register_supporting_figures(
    SupportingFigureSource(
        key="assessment", label="Organisational assessment: agreed theme scores", figures=_theme_scores
    )
)


def _theme_measures(programme, user) -> list:
    """Each theme's agreed score across the closed rounds, oldest first, and the
    average over all themes. Two queries, however many rounds. A theme a round
    could not score is missing from that round, never filled in."""
    from django.utils import timezone

    from pathfinder.assessments import presenters
    from pathfinder.assessments.models import AgreedScore, AssessmentRound
    from pathfinder.core.scoping import scoped
    from pathfinder.programmes.registry import Measure, MeasurePoint

    # Oldest closed first (a closed round without the time it closed, first).
    closed = sorted(
        (round_ for round_ in _rounds(programme, user) if round_.status == AssessmentRound.Status.CLOSED),
        key=lambda round_: (round_.closed_at is not None, round_.closed_at or round_.opened_at, round_.pk),
    )
    if not closed:
        return []
    agreed: dict[int, list] = {}
    for score in scoped(AgreedScore, user).filter(round__in=closed):
        agreed.setdefault(score.round_id, []).append(score)
    series: dict[str, dict] = {}
    for round_ in closed:
        definition = round_.instrument_version.parsed
        maximum = max(scale.maximum for scale in definition.scales.values()) if definition.scales else None
        result = presenters.round_result(definition, agreed.get(round_.pk, []))
        on = timezone.localdate(round_.closed_at) if round_.closed_at else timezone.localdate(round_.opened_at)
        href = reverse("assessment_results", args=[round_.pk])
        rows = [(theme.key, theme.title, theme.theme, theme.score) for theme in result.themes]
        rows.append(("all-themes", "Average agreed score, all themes", None, result.overall.score))
        for key, title, theme, score in rows:
            entry = series.setdefault(key, {"title": title, "theme": theme or None, "points": [], "max": maximum})
            entry["title"], entry["href"], entry["max"] = title, href, maximum
            if score is not None:
                entry["points"].append(MeasurePoint(label=round_.title, on=on, value=float(score)))
    return [
        Measure(
            key=f"assessment:{key}",
            title=entry["title"],
            group="Organisational assessment (agreed scores)",
            unit=f" of {entry['max']}" if entry["max"] else "",
            points=tuple(entry["points"]),
            direction="higher",
            href=entry["href"],
            theme=entry["theme"],
        )
        for key, entry in series.items()
        if entry["points"]
    ]


from pathfinder.programmes.registry import MeasureSource, register_measure_source  # noqa: E402

register_measure_source(
    MeasureSource(key="assessment", title="Organisational assessment", measures=_theme_measures, order=20)
)
