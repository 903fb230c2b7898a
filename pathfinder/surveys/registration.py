"""How surveys plug into the programme: nav item and dashboard panel."""

from django.urls import reverse

from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.programmes.registry import (
    FindingSource,
    InvitableSource,
    Panel,
    register_finding_source,
    register_invitable_source,
    register_panel,
)
from pathfinder.programmes.services import current_programme
from pathfinder.surveys import demo


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("survey_list", args=[programme.pk]) if programme else None


def _panel(programme, request) -> dict:
    from pathfinder.core.scoping import scoped
    from pathfinder.surveys.models import Survey

    surveys = list(scoped(Survey, request.user).filter(programme=programme).order_by("-opens_on")[:3])
    return {"surveys": surveys}


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
