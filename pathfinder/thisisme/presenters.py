from dataclasses import dataclass

from django.utils import timezone

from pathfinder.thisisme import people
from pathfinder.thisisme import sections as section_data


@dataclass
class SectionView:
    section: section_data.Section
    text: str
    updated_on: object


def section_views(profile) -> list[SectionView]:
    rows = people.sections_of(profile)
    return [
        SectionView(
            section,
            rows[section.key].text if section.key in rows else "",
            getattr(rows.get(section.key), "updated_on", None),
        )
        for section in section_data.SECTIONS
    ]


@dataclass
class LogRow:
    at: str
    who: str
    role: str
    service: str
    what: str
    parts: list[str]
    how: str


def log_rows(events) -> list[LogRow]:
    return [
        LogRow(
            at=f"{timezone.localtime(event.at):%d %B %Y at %H:%M}",
            who=event.actor_name,
            role=event.actor_role,
            service=event.actor_service,
            what=event.get_action_display(),
            parts=event.section_titles,
            how="Emergency access" if event.emergency_ref else "Because you shared it",
        )
        for event in events
    ]
