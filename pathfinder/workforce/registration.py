"""How training plugs into the programme: a nav item, a dashboard panel, a
source for the findings it creates, and demo data."""

from django.urls import reverse

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
from pathfinder.workforce import demo


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("training_overview", args=[programme.pk]) if programme else None


def _panel(programme, request) -> dict:
    from pathfinder.core.scoping import scoped
    from pathfinder.workforce import presenters, training
    from pathfinder.workforce.models import TrainingPlan

    plan = scoped(TrainingPlan, request.user).filter(programme=programme).first()
    return {
        "report": training.coverage(programme.service, programme),
        "plan": plan,
        "percent_text": presenters.percent_text,
        "target": training.COVERAGE_TARGET,
    }


def _source_link(finding):
    return reverse("training_overview", args=[finding.programme_id])


register_nav(NavItem("training", "Training", _nav, Perm.VIEW_PROGRAMME, order=50))
register_panel(
    Panel(key="training", title="Training", template="workforce/training/panel.html", context=_panel, order=40)
)
register_finding_source(FindingSource(key="training", label="Training coverage", link=_source_link))
core_demo.register(demo.load)


def _coverage_figures(programme, user) -> list[SupportingFigure]:
    """Training coverage by practice level (MAT standards 6 and 10)."""
    from pathfinder.workforce import presenters, training

    href = reverse("training_overview", args=[programme.pk])
    return [
        SupportingFigure(
            f"{row.level.label} practice",
            f"{row.trained} of {row.needed} trained ({presenters.percent_text(row.percent)})",
            href,
        )
        for row in training.coverage(programme.service, programme).levels
        if row.needed
    ]


register_supporting_figures(
    SupportingFigureSource(
        key="training", label="Training coverage by practice level", figures=_coverage_figures, order=20
    )
)
