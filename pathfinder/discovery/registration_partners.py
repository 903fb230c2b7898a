"""How the partners register plugs into the programme: a dashboard panel with
counts and a source for the findings it creates."""

from django.urls import reverse

from pathfinder.discovery.phase_one import Part, register_part
from pathfinder.programmes.registry import FindingSource, Panel, register_finding_source, register_panel

FINDING_SOURCE = "partners"


def _panel(programme, request) -> dict:
    return _counts(programme, request.user)


def _counts(programme, user) -> dict:
    """Counts only, in two queries whatever the number of partners."""
    from django.db.models import Count, Q

    from pathfinder.core.scoping import scoped
    from pathfinder.discovery.models import Partner, PartnerEngagement

    partners = scoped(Partner, user).filter(programme=programme)
    engagements = scoped(PartnerEngagement, user).filter(partner__programme=programme)
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


def _phase_one_progress(programme, user):
    from django.urls import reverse

    from pathfinder.discovery.phase_one import Progress
    from pathfinder.discovery.presenters.interviews import plural

    counts = _counts(programme, user)
    if not counts["partners"]:
        text = "No partners registered yet. GPs, pharmacies, mental health teams and others were part of every success."
    else:
        text = f"{plural(counts['partners'], 'partner')} registered, {counts['invited']} invited to something, {counts['joined']} took part."
    return Progress(text=text, href=reverse("partner_list", args=[programme.pk]), link_text="Partners")


MAX_BARRIERS_LISTED = 3  # per theme


def _phase_one_found(programme, user):
    """What working with partners showed, per theme: counts, and the barriers
    in the words they were recorded in. One query."""
    from pathfinder.core.scoping import scoped
    from pathfinder.discovery.models import PartnerLearning
    from pathfinder.discovery.presenters.interviews import plural

    learnings = (
        scoped(PartnerLearning, user)
        .filter(partner__programme=programme)
        .values_list("theme", "kind", "text", "partner__name")
        .order_by("theme", "created_at", "id")
    )
    by_theme: dict[str, dict[str, list]] = {}
    for theme, kind, text, partner in learnings:
        by_theme.setdefault(theme, {}).setdefault(kind, []).append((text, partner))
    found = {}
    for theme, kinds in by_theme.items():
        helps = len(kinds.get(PartnerLearning.Kind.STRENGTH, []))
        barriers = kinds.get(PartnerLearning.Kind.BARRIER, [])
        ideas = len(kinds.get(PartnerLearning.Kind.IDEA, []))
        counted = [
            f"{plural(helps, 'thing')} that {'helps' if helps == 1 else 'help'}" if helps else "",
            plural(len(barriers), "barrier") if barriers else "",
            plural(ideas, "idea") if ideas else "",
        ]
        lines = ["Partners: " + ", ".join(part for part in counted if part) + "."]
        lines += [f"Barrier, working with {partner}: {text}" for text, partner in barriers[:MAX_BARRIERS_LISTED]]
        if len(barriers) > MAX_BARRIERS_LISTED:
            lines.append(
                f"And {plural(len(barriers) - MAX_BARRIERS_LISTED, 'more barrier')}: see the partners register."
            )
        found[theme] = lines
    return found


register_part(Part(key="partners", title="Partners", order=30, progress=_phase_one_progress, found=_phase_one_found))
