"""Wellbeing plans formatted for the page and for the printable PDF."""

from dataclasses import dataclass

from django.utils import timezone

from pathfinder.reports.cells import xml_safe
from pathfinder.reports.content import Document, Heading, Paragraph
from pathfinder.workforce.models import PLAN_SECTIONS, WellbeingPlan

NOTHING_YET = "Nothing written here yet."


@dataclass(frozen=True)
class SectionView:
    name: str
    title: str
    text: str


def plan_sections(plan: WellbeingPlan) -> list[SectionView]:
    return [SectionView(section.name, section.title, getattr(plan, section.name)) for section in PLAN_SECTIONS]


def plan_document(plan: WellbeingPlan, owner) -> Document:
    """The plan as a document to print or keep. It names only its owner."""
    blocks = [
        Paragraph(
            "This is your own wellbeing plan. You can keep it, change it whenever you like, "
            "and share it with someone you trust if you want to."
        )
    ]
    for section in plan_sections(plan):
        blocks.append(Heading(section.title))
        paragraphs = [line.strip() for line in xml_safe(section.text).split("\n") if line.strip()]
        blocks.extend(Paragraph(text) for text in paragraphs or [NOTHING_YET])
    return Document(
        title="My wellbeing plan",
        subtitle=f"Last updated on {plan.updated_on.day} {plan.updated_on:%B %Y}",
        blocks=blocks,
        author_label=owner.full_name,
        generated_on=timezone.localdate(),
    )
