"""How the lens event plugs into the programme: a nav item, a dashboard panel,
a source for the findings it creates, voucher spending for the plan's budget,
event dates for calendar feeds, and demo data."""

from django.urls import reverse

from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.lens import demo
from pathfinder.programmes.registry import (
    CalendarEntry,
    CalendarSource,
    CostLine,
    CostSource,
    FindingSource,
    InvitableSource,
    PageRead,
    Panel,
    register_calendar_source,
    register_cost_source,
    register_finding_source,
    register_invitable_source,
    register_page_read,
    register_panel,
)
from pathfinder.programmes.services import current_programme


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("lens_overview", args=[programme.pk]) if programme else None


def _latest_query(programme, user):
    """One query: the latest event, its notes, and whether this person takes part in it."""
    from django.db.models import Count, Exists, OuterRef

    from pathfinder.core.readahead import First
    from pathfinder.core.scoping import scoped
    from pathfinder.lens.models import EVENTS_NEWEST_FIRST, EventParticipant, LensEvent

    taking_part = scoped(EventParticipant, user).filter(event=OuterRef("pk"), membership__user=user)
    return First(
        scoped(LensEvent, user)
        .filter(programme=programme)
        .annotate(note_count=Count("groups__journeys__notes", distinct=True), mine=Exists(taking_part))
        .order_by(*EVENTS_NEWEST_FIRST)
    )


LATEST = PageRead(
    key=lambda programme, user: ("lens-latest", user.pk, programme.pk),
    queryset=_latest_query,
    pages=frozenset({"dashboard"}),
)
register_page_read("lens-latest", LATEST)


def _panel(programme, request) -> dict:
    latest = LATEST.read(programme, request.user)
    return {"latest": latest, "mine": latest is not None and latest.mine}


def _source_link(finding):
    event_id = finding.source_id.split(":", 1)[0]
    return reverse("lens_results", args=[event_id]) if event_id.isdigit() else None


register_nav(NavItem("lens", "Lens event", _nav, Perm.VIEW_PROGRAMME, order=35))
register_panel(
    Panel(key="lens", title="Trauma-informed lens event", template="lens/panel.html", context=_panel, order=15)
)


def _voucher_costs(programme, user) -> list[CostLine]:
    """Vouchers given to thank participants, one line per event (totals only)."""
    from django.db.models import Sum

    from pathfinder.core.scoping import scoped
    from pathfinder.lens.models import Reimbursement

    rows = (
        scoped(Reimbursement, user)
        .filter(participant__event__programme=programme)
        .values("participant__event_id", "participant__event__title", "participant__event__held_on")
        .annotate(total=Sum("amount"))
        .order_by("participant__event__held_on", "participant__event_id")
    )
    return [
        CostLine(
            what=f"Vouchers to thank participants: {row['participant__event__title']}",
            amount=row["total"],
            on=row["participant__event__held_on"],
        )
        for row in rows
    ]


def _event_dates(user) -> list[CalendarEntry]:
    """Lens events with a date, in the services the person belongs to."""
    from pathfinder.core.scoping import scoped
    from pathfinder.lens.models import LensEvent

    events = scoped(LensEvent, user).filter(held_on__isnull=False).order_by("held_on", "id")
    return [
        CalendarEntry(
            uid=f"lens-event-{event.pk}",
            day=event.held_on,
            summary=f"Lens event: {event.title}",
            description=f"Starts at {event.starts_at:%H:%M}." if event.starts_at else "",
        )
        for event in events
    ]


register_finding_source(FindingSource(key="lens", label="Trauma-informed lens event", link=_source_link))
register_cost_source(CostSource(key="lens_vouchers", label="Trauma-informed lens event", lines=_voucher_costs))
register_calendar_source(CalendarSource(key="lens_events", entries=_event_dates))


def _invitable(programme, user, kind="") -> list[tuple[str, str]]:
    """The programme's lens events, for registers that record who was invited."""
    from pathfinder.core.scoping import scoped
    from pathfinder.lens.models import EVENTS_NEWEST_FIRST, LensEvent

    events = scoped(LensEvent, user).filter(programme=programme).order_by(*EVENTS_NEWEST_FIRST)
    return [(str(pk), title) for pk, title in events.values_list("pk", "title")]


register_invitable_source(
    InvitableSource(
        key="lens",
        label="Lens event",
        choices=_invitable,
        link=lambda ref_id: reverse("lens_event", args=[ref_id]),
        link_perm=Perm.MANAGE_PROGRAMME,
    )
)
core_demo.register(demo.load)
