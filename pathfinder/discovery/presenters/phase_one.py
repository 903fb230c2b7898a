"""Phase one as a whole, from its registered parts (interviews, documents,
partners): progress, what it found per theme ("ready for the lens event"),
and the phase one summary document. Nothing here names anyone."""

from dataclasses import dataclass

from pathfinder.discovery.phase_one import parts
from pathfinder.programmes.domain import Theme
from pathfinder.reports.content import BulletList, Document, Heading, Paragraph


@dataclass(frozen=True)
class Readiness:
    progress: list  # [(part, Progress or None)]
    found: list[tuple[str, list[str]]]  # [(theme label, lines)], in the method's order
    quiet: list[str]  # labels of themes nothing was found about yet


def readiness(programme, user) -> Readiness:
    found: dict[str, list[str]] = {}
    progress = []
    for part in parts():
        progress.append((part, part.progress(programme, user)))
        for theme, lines in part.found(programme, user).items():
            found.setdefault(theme, []).extend(lines)
    return Readiness(
        progress=progress,
        found=[(theme.label, found[theme.value]) for theme in Theme if theme.value in found],
        quiet=[theme.label for theme in Theme if theme.value not in found],
    )


def summary_document(*, service, programme, user, today) -> Document:
    """The phase one summary: progress, each part's own section, then what
    phase one found theme by theme, for the lens event."""
    ready = readiness(programme, user)
    blocks = [
        Heading("What phase one did"),
        BulletList([f"{progress.link_text}: {progress.text}" for _, progress in ready.progress if progress]),
    ]
    for part in parts():
        blocks += part.summary(programme, user)
    blocks.append(Heading("Ready for the lens event: what phase one found, theme by theme"))
    if ready.found:
        for label, lines in ready.found:
            blocks += [Heading(label, level=3), BulletList(lines)]
        if ready.quiet:
            blocks.append(Paragraph(f"Nothing yet about: {', '.join(ready.quiet)}."))
    else:
        blocks.append(Paragraph("Nothing has been found yet."))
    return Document(
        title="Phase one summary",
        subtitle=f"{service.name}: interviews, documents and partners",
        blocks=blocks,
        author_label=service.name,
        generated_on=today,
    )
