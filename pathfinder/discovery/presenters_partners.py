"""Formatting partners' records for pages."""

from dataclasses import dataclass

from pathfinder.discovery.models import PartnerEngagement
from pathfinder.programmes.registry import invitable_source


@dataclass(frozen=True)
class Engagement:
    record: PartnerEngagement
    what: str
    title: str
    href: str | None


def engagement(record: PartnerEngagement, *, may) -> Engagement:
    """An invitation as a row: what, its name, and a link to the survey or
    lens event it points at (through the registered source, no query), for
    people that page opens for. `may(perm)` says whether the viewer holds a
    permission in the partner's service."""
    source = invitable_source(record.ref_type) if record.ref_type and record.ref_id else None
    href = source.link(record.ref_id) if source is not None and may(source.link_perm) else None
    return Engagement(record=record, what=record.get_what_display(), title=record.title, href=href)
