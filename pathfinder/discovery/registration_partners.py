"""How the partners register plugs into the programme: a dashboard panel with
counts and a source for the findings it creates."""

from django.urls import reverse

from pathfinder.discovery.phase_one import Part, register_part
from pathfinder.programmes.registry import FindingSource, Panel, register_finding_source, register_panel

FINDING_SOURCE = "partners"


def _panel(programme, request) -> dict:
    return _counts(programme, request.user)


def _counts(programme, user) -> dict:
    """Counts only, in one query whatever the number of partners (asked once
    per page: the dashboard shows them in this panel and in phase one's)."""
    from django.db.models import Count, Q

    from pathfinder.core.scoping import once, scoped
    from pathfinder.discovery.models import Partner

    def count() -> dict:
        return (
            scoped(Partner, user)
            .filter(programme=programme)
            .aggregate(
                partners=Count("id", distinct=True),
                invited=Count("engagements__partner", distinct=True),
                joined=Count("engagements__partner", filter=Q(engagements__joined=True), distinct=True),
            )
        )

    return once(("partner-counts", user.pk, programme.pk), count)


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
    from pathfinder.discovery.names import possible_names
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
        # These lines go into the phase one summary too: a barrier that may name someone is left to the register.
        listed = [(text, partner) for text, partner in barriers if not possible_names(text)][:MAX_BARRIERS_LISTED]
        lines += [f"Barrier, working with {partner}: {text}" for text, partner in listed]
        if len(barriers) > len(listed):
            lines.append(f"And {plural(len(barriers) - len(listed), 'more barrier')}: see the partners register.")
        found[theme] = lines
    return found


def _phase_one_summary(programme, user):
    """Partner organisations, their joint work and what they were invited to
    and joined. Contacts stay in Pathfinder: an address can name a person."""
    from django.db.models import Count, Q

    from pathfinder.core.scoping import scoped
    from pathfinder.discovery.models import Partner
    from pathfinder.reports.content import Heading, Paragraph, Table

    rows = list(
        scoped(Partner, user)
        .filter(programme=programme)
        .annotate(
            invited=Count("engagements", distinct=True),
            joined=Count("engagements", filter=Q(engagements__joined=True), distinct=True),
        )
        .order_by("name", "id")
    )
    blocks = [Heading("Partners"), Paragraph(_phase_one_progress(programme, user).text)]
    if rows:
        blocks.append(
            Table(
                title="Partners in the register",
                columns=["Partner", "Kind", "Joint work", "Invited to", "Took part in"],
                rows=[
                    [
                        row.name,
                        row.get_kind_display(),
                        ", ".join(row.joint_work_labels()) or "None yet",
                        row.invited,
                        row.joined,
                    ]
                    for row in rows
                ],
                numeric_columns=frozenset({3, 4}),
                row_headers=True,
            )
        )
    return blocks


register_part(
    Part(
        key="partners",
        title="Partners",
        order=30,
        progress=_phase_one_progress,
        found=_phase_one_found,
        summary=_phase_one_summary,
    )
)
