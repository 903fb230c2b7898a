"""How the partners register plugs into the programme: a dashboard panel with
counts and a source for the findings it creates."""

from django.urls import reverse

from pathfinder.programmes.registry import FindingSource, Panel, register_finding_source, register_panel

FINDING_SOURCE = "partners"


def _panel(programme, request) -> dict:
    """Counts only, in two queries whatever the number of partners."""
    from django.db.models import Count, Q

    from pathfinder.core.scoping import scoped
    from pathfinder.discovery.models import Partner, PartnerEngagement

    partners = scoped(Partner, request.user).filter(programme=programme)
    engagements = scoped(PartnerEngagement, request.user).filter(partner__programme=programme)
    counts = engagements.aggregate(
        invited=Count("partner", distinct=True),
        joined=Count("partner", filter=Q(joined=True), distinct=True),
    )
    return {"partners": partners.count(), **counts}


def _source_link(finding):
    partner_id = finding.source_id.split(":", 1)[0]
    return reverse("partner_detail", args=[partner_id]) if partner_id.isdigit() else None


register_panel(
    Panel(key="partners", title="Partners engaged", template="discovery/partners/panel.html", context=_panel, order=60)
)
register_finding_source(FindingSource(key=FINDING_SOURCE, label="Working with partners", link=_source_link))
