"""Interviews shaped for pages and documents. Nothing here names anyone who
took part: summaries and exports speak of roles and themes only."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse

from pathfinder.core.scoping import scoped
from pathfinder.discovery.models import Interview, InterviewTag
from pathfinder.discovery.phase_one import Progress
from pathfinder.programmes.domain import Principle, Theme
from pathfinder.reports.content import BulletList, Document, Heading, Paragraph, Table


def plural(number: int, word: str, many: str = "") -> str:
    return f"{number} {word if number == 1 else (many or word + 's')}"


def interview_progress(programme, user) -> Progress:
    counts = dict(
        scoped(Interview, user)
        .filter(programme=programme, consent_withdrawn_at__isnull=True)
        .values_list("audience")
        .annotate(total=Count("id"))
        .order_by()
    )
    total = sum(counts.values())
    partners = counts.get(Interview.Audience.PARTNER, 0)
    if total:
        text = f"{plural(total, 'interview')} recorded, {partners} with partners."
    else:
        text = "No interviews yet. Talking with staff and partners is how phase one begins."
    return Progress(text=text, href=reverse("interview_list", args=[programme.pk]), link_text="Interviews")


def tags_for(programme, user):
    return (
        scoped(InterviewTag, user)
        .filter(interview__programme=programme, interview__consent_withdrawn_at__isnull=True)
        .order_by("theme", "kind", "created_at", "id")
    )


@dataclass
class ThemeSummary:
    value: str
    label: str
    facilitators: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    principles: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.facilitators) + len(self.barriers)

    @property
    def principle_text(self) -> str:
        return ", ".join(Principle(value).label for value, _ in self.principles.most_common())


def theme_summaries(tags) -> list[ThemeSummary]:
    """Themes raised, most raised first (ties in the method's order)."""
    by_theme = {theme.value: ThemeSummary(theme.value, theme.label) for theme in Theme}
    for tag in tags:
        summary = by_theme[tag.theme]
        (summary.facilitators if tag.kind == InterviewTag.Kind.FACILITATOR else summary.barriers).append(tag.text)
        summary.principles.update(tag.principles)
    order = list(Theme.values)
    raised = [summary for summary in by_theme.values() if summary.total]
    return sorted(raised, key=lambda summary: (-summary.total, order.index(summary.value)))


def found_by_theme(programme, user) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for summary in theme_summaries(tags_for(programme, user)):
        parts = []
        if summary.facilitators:
            helps = len(summary.facilitators)
            parts.append(f"{plural(helps, 'thing')} that {'helps' if helps == 1 else 'help'}")
        if summary.barriers:
            parts.append(plural(len(summary.barriers), "barrier"))
        found[summary.value].append("Interviews: " + " and ".join(parts) + ".")
    return dict(found)


def interview_counts(interviews) -> dict:
    done = [interview for interview in interviews if interview.consent_withdrawn_at is None]
    return {
        "total": len(done),
        "staff": sum(1 for interview in done if interview.audience == Interview.Audience.STAFF),
        "partner": sum(1 for interview in done if interview.audience == Interview.Audience.PARTNER),
        "group": sum(1 for interview in done if interview.format == Interview.Format.GROUP),
        "people": sum(getattr(interview, "participant_count", 0) for interview in done),
    }


def _counts_sentence(counts) -> str:
    return (
        f"{plural(counts['total'], 'interview')} with {plural(counts['people'], 'person', 'people')}: "
        f"{counts['staff']} with staff and {counts['partner']} with partners; "
        f"{plural(counts['group'], 'was a group interview', 'were group interviews')}."
    )


def summary_data(programme, user):
    """(counts, theme summaries) of the interviews `user` may see, in two queries."""
    interviews = list(
        scoped(Interview, user)
        .filter(programme=programme)
        .annotate(participant_count=Count("participants", distinct=True))
    )
    return interview_counts(interviews), theme_summaries(tags_for(programme, user))


def summary_blocks(counts, summaries) -> list:
    """The interviews' part of the phase one summary: counts, themes most
    raised, and what helps and gets in the way per theme. No names, no quotes
    attributed to anyone."""
    blocks = [
        Heading("Familiarisation interviews"),
        Paragraph(_counts_sentence(counts)),
        Paragraph(
            "Nobody is named in this summary. What helps and what gets in the way are written in the interviewers' "
            "words, about systems and ways of working."
        ),
        Heading("Themes most raised", level=3),
    ]
    if summaries:
        blocks.append(
            Table(
                title="Themes raised in interviews, most raised first",
                columns=["Theme", "Helps", "Gets in the way", "Principles touched on"],
                rows=[
                    [summary.label, len(summary.facilitators), len(summary.barriers), summary.principle_text or "None"]
                    for summary in summaries
                ],
                numeric_columns=frozenset({1, 2}),
                row_headers=True,
            )
        )
        for summary in summaries:
            blocks.append(Heading(summary.label, level=4))
            if summary.facilitators:
                blocks += [Paragraph("What helps:"), BulletList(summary.facilitators)]
            if summary.barriers:
                blocks += [Paragraph("What gets in the way:"), BulletList(summary.barriers)]
    else:
        blocks.append(Paragraph("Nothing has been tagged by theme yet."))
    return blocks


def interview_summary(programme, user) -> list:
    return summary_blocks(*summary_data(programme, user))


def guide_document(*, service, version, today) -> Document:
    """The guide as the interviewer takes it into the room."""
    definition = version.parsed
    blocks = [Heading("Before you start"), Paragraph(definition.description)]
    blocks.append(
        BulletList(
            [
                "Ask whether everyone agrees to take part, and whether they agree to it being recorded. "
                "Record both answers in Pathfinder before writing any notes.",
                "Describe systems and ways of working. Do not write down names of colleagues or of people who use "
                "the service.",
                "Listen for what helps and what gets in the way, and note the theme each belongs to.",
            ]
        )
    )
    for number, section in enumerate(definition.sections, start=1):
        blocks.append(Heading(f"{number}. {section.title}"))
        if section.description:
            blocks.append(Paragraph(section.description))
        blocks.append(BulletList([item.text for item in section.items]))
    return Document(
        title=definition.name,
        subtitle=f"For {service.name}, version {version.version}",
        blocks=blocks,
        author_label=service.name,
        generated_on=today,
    )
