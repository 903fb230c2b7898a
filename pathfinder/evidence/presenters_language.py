"""The language audit for pages: rates per 1,000 words, the stigmatising terms
found most with their person-first alternatives, the results worth a finding,
and the trend over audits as XmR charts."""

from dataclasses import dataclass

from pathfinder.evidence import spc
from pathfinder.evidence.progress import Trend, xmr_trend

TOP_TERMS = 5


def per_thousand(count: int, words: int) -> float | None:
    return round(count * 1000 / words, 1) if words else None


def rate_text(count: int, words: int) -> str:
    rate = per_thousand(count, words)
    return "no words counted" if rate is None else f"{rate:,.1f} per 1,000 words"


def plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


@dataclass(frozen=True)
class TopTerm:
    term: str
    count: int
    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    words: int
    trauma_informed: int
    stigmatising: int
    identifiers: int
    trauma_rate: float | None
    stigmatising_rate: float | None
    top_stigmatising: tuple[TopTerm, ...]
    trauma_terms: tuple[tuple[str, int], ...]
    counted: int
    unreadable: int


def _sorted(counts: dict) -> list[tuple[str, int]]:
    return sorted(((term, n) for term, n in counts.items() if n), key=lambda item: (-item[1], item[0]))


def summary(audit, documents) -> Summary:
    top = tuple(
        TopTerm(term, n, tuple(audit.alternatives.get(term, ())))
        for term, n in _sorted(audit.stigmatising_counts)[:TOP_TERMS]
    )
    return Summary(
        words=audit.words,
        trauma_informed=audit.trauma_informed_total,
        stigmatising=audit.stigmatising_total,
        identifiers=audit.identifiers,
        trauma_rate=per_thousand(audit.trauma_informed_total, audit.words),
        stigmatising_rate=per_thousand(audit.stigmatising_total, audit.words),
        top_stigmatising=top,
        trauma_terms=tuple(_sorted(audit.trauma_informed_counts)),
        counted=sum(1 for d in documents if d.status == "counted"),
        unreadable=sum(1 for d in documents if d.status == "unreadable"),
    )


@dataclass(frozen=True)
class Notable:
    """A result worth turning into a finding: `key` is stable within the audit."""

    key: str
    kind: str  # a programmes Finding.Kind value
    text: str


def notable(audit) -> list[Notable]:
    """The results of a finished audit that a finding could be made from."""
    if audit.status != "done" or not audit.words:
        return []
    where = f"In the language audit “{audit.title}”"
    found: list[Notable] = []
    for top in summary(audit, []).top_stigmatising:
        instead = f" Person-first alternatives: {'; '.join(top.alternatives)}." if top.alternatives else ""
        found.append(
            Notable(
                key=f"stigmatising:{top.term}",
                kind="barrier",
                text=f"{where}, “{top.term}” was used {plural(top.count, 'time', 'times')} "
                f"({rate_text(top.count, audit.words)}).{instead}",
            )
        )
    if not audit.stigmatising_total:
        found.append(
            Notable(
                key="stigmatising:none",
                kind="strength",
                text=f"{where}, none of the stigmatising terms in the service's list were found "
                f"in {plural(audit.words, 'word', 'words')}.",
            )
        )
    trauma = audit.trauma_informed_total
    found.append(
        Notable(
            key="trauma_informed",
            kind="strength" if trauma else "gap",
            text=f"{where}, trauma-informed terms were used {plural(trauma, 'time', 'times')} "
            f"({rate_text(trauma, audit.words)})."
            if trauma
            else f"{where}, none of the trauma-informed terms in the service's list were found "
            f"in {plural(audit.words, 'word', 'words')}.",
        )
    )
    return found


def notable_by_key(audit) -> dict[str, Notable]:
    return {item.key: item for item in notable(audit)}


# --- Trend over audits ------------------------------------------------------------------------

MEASURES = (
    ("stigmatising", "Stigmatising terms per 1,000 words", spc.Direction.LOWER, "stigmatising_total"),
    ("trauma_informed", "Trauma-informed terms per 1,000 words", spc.Direction.HIGHER, "trauma_informed_total"),
)


def points(audits, field: str) -> list[tuple[object, float]]:
    """(audit, rate) for finished audits with words, oldest first."""
    ordered = sorted(audits, key=lambda audit: (audit.created_at, audit.pk))
    return [(audit, per_thousand(getattr(audit, field), audit.words)) for audit in ordered if audit.words]


def trends(audits) -> list[Trend]:
    """One XmR chart per measure, over the finished audits (oldest first)."""
    found = []
    for _key, title, direction, field in MEASURES:
        pairs = points(audits, field)
        if not pairs:
            continue
        latest, value = pairs[-1]
        found.append(
            xmr_trend(
                [rate for _, rate in pairs],
                categories=[f"{audit.title} ({audit.created_at:%-d %b %Y})" for audit, _ in pairs],
                direction=direction,
                title=f"{title}, audit by audit",
                series_label=title,
                value_label=title,
                category_label="Audit",
                lead=f"In the latest audit, “{latest.title}”, there were {value:,.1f} {title[0].lower() + title[1:]}.",
            )
        )
    return found
