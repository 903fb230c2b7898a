"""Formatting MAT standard ratings for pages and exports: the latest rating of
each standard, a standard's trend as an XmR chart, and the annual-return tables."""

from dataclasses import dataclass

from pathfinder.evidence import spc
from pathfinder.evidence.mat import (
    BY_NUMBER,
    EVIDENCE_STREAMS,
    RATING_MEANING,
    RATING_TAG,
    RATING_VALUE,
    STANDARDS,
    Rating,
    Standard,
)
from pathfinder.evidence.progress import Trend, xmr_trend
from pathfinder.reports.content import BulletList, Document, Heading, Paragraph, Table


@dataclass
class StandardRow:
    standard: Standard
    latest: object | None  # MatStandardRating
    count: int

    @property
    def tag(self) -> str:
        return RATING_TAG[self.latest.rating] if self.latest else ""


def latest_by_standard(ratings) -> list[StandardRow]:
    """Every standard with its latest rating; `ratings` newest first."""
    latest: dict[int, object] = {}
    counts: dict[int, int] = {}
    for rating in ratings:
        latest.setdefault(rating.standard, rating)
        counts[rating.standard] = counts.get(rating.standard, 0) + 1
    return [StandardRow(s, latest.get(s.number), counts.get(s.number, 0)) for s in STANDARDS]


def colour_counts(rows: list[StandardRow]) -> list[tuple[str, str, int]]:
    """(rating, label, how many standards have it as their latest) in order red to blue."""
    found = [row.latest.rating for row in rows if row.latest]
    return [(value, label, found.count(value)) for value, label in Rating.choices]


def meaning(rating: str) -> str:
    return RATING_MEANING[rating]


def tag(rating: str) -> str:
    return RATING_TAG[rating]


def rated_by(rating) -> str:
    user = rating.rated_by
    return (user.full_name or user.email) if user else "Someone who has since left"


def trend(standard: Standard, ratings) -> Trend | None:
    """The standard's ratings over time (1 red to 5 blue) as an XmR chart;
    `ratings` newest first. The limits and signals appear only once spc.xmr()
    has enough points; until then its sentence says how many more are needed."""
    if not ratings:
        return None
    ordered = list(reversed(ratings))
    values = [RATING_VALUE[rating.rating] for rating in ordered]
    latest = ordered[-1]
    return xmr_trend(
        values,
        categories=[f"{rating.rated_on:%-d %b %Y}" for rating in ordered],
        direction=spc.Direction.HIGHER,
        title=f"{standard.title}: ratings over time",
        series_label="Rating (1 red to 5 blue)",
        value_label="Rating (1 red, 2 amber, 3 provisional green, 4 green, 5 blue)",
        category_label="Date rated",
        lead=f"The latest rating, on {latest.rated_on:%-d %B %Y}, is {latest.get_rating_display().lower()} "
        f"({RATING_VALUE[latest.rating]} of 5).",
        low=1,
        high=5,
    )


def _evidence(rating) -> list:
    return [rating.process_evidence, rating.numerical_evidence, rating.experiential_evidence]


RETURN_COLUMNS = [
    "Standard",
    "Name",
    "Rating",
    "Date rated",
    "Process evidence",
    "Numerical evidence",
    "Experiential evidence",
    "Why this rating",
    "Rated by",
]


def return_tables(rows: list[StandardRow], ratings, cited: dict[int, list]) -> list[Table]:
    """Shaped like the annual return to the ADP: one row per standard with its
    latest rating and evidence, then every rating, then the actions cited."""
    latest = Table(
        title="Latest ratings",
        columns=RETURN_COLUMNS,
        rows=[
            [
                row.standard.number,
                row.standard.name,
                row.latest.get_rating_display() if row.latest else "Not rated yet",
                row.latest.rated_on if row.latest else None,
                *(_evidence(row.latest) if row.latest else ["", "", ""]),
                row.latest.reason if row.latest else "",
                rated_by(row.latest) if row.latest else "",
            ]
            for row in rows
        ],
        numeric_columns=frozenset({0}),
    )
    history = Table(
        title="Every rating",
        columns=RETURN_COLUMNS,
        rows=[
            [
                rating.standard,
                BY_NUMBER[rating.standard].name,
                rating.get_rating_display(),
                rating.rated_on,
                *_evidence(rating),
                rating.reason,
                rated_by(rating),
            ]
            for rating in sorted(ratings, key=lambda r: (r.standard, r.rated_on, r.created_at, r.pk))
        ],
        numeric_columns=frozenset({0}),
    )
    actions = Table(
        title="Actions in the plan",
        columns=["Standard", "Action", "Done"],
        rows=[
            [number, action.title, "Yes" if action.done else "No"] for number, refs in cited.items() for action in refs
        ],
        numeric_columns=frozenset({0}),
        empty_text="",
    )
    return [latest, history, actions]


def return_document(service, today, rows: list[StandardRow], ratings, cited: dict[int, list]) -> Document:
    """The same content as the spreadsheet, one section per standard (a wide
    table of evidence does not fit a printed page)."""
    blocks: list = [
        Paragraph(
            "Each standard is rated red, amber, provisional green, green or blue, with evidence in three "
            "streams: process, numerical and experiential. "
            + " ".join(f"{label}: {RATING_MEANING[value]}" for value, label in Rating.choices)
        )
    ]
    for row in rows:
        blocks.append(Heading(row.standard.title))
        latest = row.latest
        if latest is None:
            blocks.append(Paragraph("Not rated yet."))
        else:
            blocks.append(
                Paragraph(
                    f"Rating: {latest.get_rating_display()}, on {latest.rated_on:%-d %B %Y}, by {rated_by(latest)}."
                )
            )
            for (_, label), text in zip(EVIDENCE_STREAMS, _evidence(latest), strict=True):
                blocks.append(Paragraph(f"{label}: {text or 'none described'}"))
            blocks.append(Paragraph(f"Why this rating: {latest.reason}"))
        actions = cited.get(row.standard.number, [])
        if actions:
            blocks.append(BulletList([f"{a.title}{' (done)' if a.done else ''}" for a in actions]))
    blocks.append(
        Table(
            title="Every rating",
            columns=["Standard", "Date rated", "Rating", "Rated by"],
            rows=[
                [r.standard, r.rated_on, r.get_rating_display(), rated_by(r)]
                for r in sorted(ratings, key=lambda r: (r.standard, r.rated_on, r.created_at, r.pk))
            ],
            numeric_columns=frozenset({0}),
        )
    )
    return Document(
        title="MAT standards",
        subtitle=f"Ratings and evidence for the annual return to the Alcohol and Drug Partnership, {today:%-d %B %Y}",
        author_label=service.name,
        generated_on=today,
        blocks=blocks,
    )
