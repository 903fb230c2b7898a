"""How the assessment plugs into the programme: a dashboard panel, a nav item
and a source for the findings it creates."""

from django.urls import reverse

from pathfinder.assessments import demo
from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.programmes.registry import FindingSource, Panel, register_finding_source, register_panel
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
