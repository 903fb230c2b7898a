"""A learning report version as a page and as a document (PDF, Word)."""

from dataclasses import dataclass

from pathfinder.learning.draft import PARTS, blocks
from pathfinder.learning.models import LearningReport
from pathfinder.programmes.domain import THEME_DESCRIPTIONS, Theme
from pathfinder.reports.content import BulletList, Document, Heading, Paragraph


@dataclass
class Part:
    key: str
    title: str
    blocks: list[tuple[str, list[str]]]


@dataclass
class ThemeSection:
    value: str
    title: str
    description: str
    parts: list[Part]

    @property
    def empty(self) -> bool:
        return not any(part.blocks for part in self.parts)


def theme_sections(report: LearningReport) -> list[ThemeSection]:
    return [
        ThemeSection(
            value=value,
            title=label,
            description=THEME_DESCRIPTIONS[Theme(value)],
            parts=[Part(key, title, blocks(report.sections.get(value, {}).get(key, ""))) for key, title in PARTS],
        )
        for value, label in Theme.choices
    ]


def _document_blocks(found) -> list:
    out: list = []
    for kind, items in found:
        out.append(BulletList(items) if kind == "bullets" else Paragraph(items[0]))
    return out


def document(report: LearningReport, service_name: str) -> Document:
    content: list = _document_blocks(blocks(report.introduction))
    for section in theme_sections(report):
        content.append(Heading(section.title, level=2))
        if section.empty:
            content.append(Paragraph("Nothing recorded for this theme yet."))
            continue
        for part in section.parts:
            if part.blocks:
                content.append(Heading(part.title, level=3))
                content.extend(_document_blocks(part.blocks))
    when = report.published_at.date() if report.published_at else None
    status = f"version {report.number}, published {when:%-d %B %Y}" if when else f"draft of version {report.number}"
    return Document(
        title=report.title,
        subtitle=f"The programme's learning report, {status}",
        author_label=service_name,
        generated_on=when,
        blocks=content,
    )
