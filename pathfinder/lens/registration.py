"""How the lens event plugs into the programme: a nav item, a dashboard panel,
a source for the findings it creates, and demo data."""

from django.urls import reverse

from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.lens import demo
from pathfinder.programmes.registry import FindingSource, Panel, register_finding_source, register_panel
from pathfinder.programmes.services import current_programme


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("lens_overview", args=[programme.pk]) if programme else None


def _panel(programme, request) -> dict:
    from django.db.models import Count

    from pathfinder.core.scoping import scoped
    from pathfinder.lens.models import EVENTS_NEWEST_FIRST, EventParticipant, LensEvent

    latest = (
        scoped(LensEvent, request.user)
        .filter(programme=programme)
        .annotate(note_count=Count("groups__journeys__notes", distinct=True))
        .order_by(*EVENTS_NEWEST_FIRST)
        .first()
    )
    mine = (
        latest is not None
        and scoped(EventParticipant, request.user).filter(event=latest, membership__user=request.user).exists()
    )
    return {"latest": latest, "mine": mine}


def _source_link(finding):
    event_id = finding.source_id.split(":", 1)[0]
    return reverse("lens_results", args=[event_id]) if event_id.isdigit() else None


register_nav(NavItem("lens", "Lens event", _nav, Perm.VIEW_PROGRAMME, order=35))
register_panel(
    Panel(key="lens", title="Trauma-informed lens event", template="lens/panel.html", context=_panel, order=15)
)
register_finding_source(FindingSource(key="lens", label="Trauma-informed lens event", link=_source_link))
core_demo.register(demo.load)
