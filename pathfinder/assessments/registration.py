"""How the assessment plugs into the programme: a dashboard panel, a nav item
and a source for the findings it creates."""

from django.urls import reverse

from pathfinder.assessments import demo
from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.programmes.registry import (
    FindingSource,
    Panel,
    SupportingFigure,
    SupportingFigureSource,
    register_finding_source,
    register_panel,
    register_supporting_figures,
)
from pathfinder.programmes.services import current_programme


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("assessment_overview", args=[programme.pk]) if programme else None


def _panel(programme, request) -> dict:
    from pathfinder.assessments.models import AssessmentRound
    from pathfinder.core.scoping import scoped

    rounds = list(scoped(AssessmentRound, request.user).filter(programme=programme).order_by("-opened_at")[:1])
    total = scoped(AssessmentRound, request.user).filter(programme=programme).count()
    return {"latest": rounds[0] if rounds else None, "total": total}


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
