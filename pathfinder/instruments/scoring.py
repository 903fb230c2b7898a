"""Scoring answers against an instrument definition. Pure Python, no Django.

Answers are {item code: value}. For scale items the value is a whole number on
the item's scale, or None for "don't know" / no answer; other item types are
not scored. A group (a section, or a named subscale) gets a score when at least
`min_answered` of its scale items have a value: the mean (or sum) of those
values, with reversed items turned round first.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean, median

from pathfinder.instruments.definition import Definition, Item


@dataclass(frozen=True)
class GroupScore:
    key: str
    title: str
    score: float | None  # None when too few items were answered
    answered: int
    items: int


def item_value(definition: Definition, item: Item, value: int | None) -> float | None:
    """The value that counts for scoring: None stays None; reversed items turn round."""
    if value is None or item.type != "scale":
        return None
    scale = definition.scale_for(item)
    if value not in {point.value for point in scale.points}:
        raise ValueError(f"{value!r} is not a point on the scale for {item.code}")
    return float(scale.maximum + scale.minimum - value) if item.reverse else float(value)


def _group(definition: Definition, key: str, title: str, items: list[Item], answers: dict) -> GroupScore:
    scored = [item for item in items if item.type == "scale"]
    values = [v for v in (item_value(definition, item, answers.get(item.code)) for item in scored) if v is not None]
    enough = scored and len(values) >= definition.scoring.min_answered * len(scored) and values
    score = None
    if enough:
        score = sum(values) if definition.scoring.method == "sum" else mean(values)
    return GroupScore(key=key, title=title, score=score, answered=len(values), items=len(scored))


def section_scores(definition: Definition, answers: dict, only: set[str] | None = None) -> list[GroupScore]:
    """One score per section; `only` restricts to those item codes (for comparisons)."""
    return [
        _group(
            definition,
            section.key,
            section.title,
            [item for item in section.items if only is None or item.code in only],
            answers,
        )
        for section in definition.sections
    ]


def subscale_scores(definition: Definition, answers: dict) -> list[GroupScore]:
    return [
        _group(definition, name, name, [definition.item(code) for code in codes], answers)
        for name, codes in definition.scoring.subscales.items()
    ]


def overall_score(definition: Definition, answers: dict, only: set[str] | None = None) -> GroupScore:
    items = [item for item in definition.items if only is None or item.code in only]
    return _group(definition, "overall", "Overall", items, answers)


def shared_codes(first: Definition, second: Definition) -> set[str]:
    """Scale items both versions ask: the only fair ground for comparing them."""
    first_codes = {item.code for item in first.items if item.type == "scale"}
    second_codes = {item.code for item in second.items if item.type == "scale"}
    return first_codes & second_codes


@dataclass(frozen=True)
class Spread:
    """How raters answered one scale item."""

    counts: dict[int, int]  # scale value -> how many raters chose it
    dont_know: int
    median: float | None

    @property
    def scored(self) -> int:
        return sum(self.counts.values())

    @property
    def range(self) -> int:
        chosen = [value for value, count in self.counts.items() if count]
        return (max(chosen) - min(chosen)) if chosen else 0


def spread(definition: Definition, item: Item, values: list[int | None]) -> Spread:
    """The distribution of raters' answers to one item (None = don't know)."""
    scale = definition.scale_for(item)
    counts = {point.value: 0 for point in scale.points}
    for value in values:
        if value is not None:
            if value not in counts:
                raise ValueError(f"{value!r} is not a point on the scale for {item.code}")
            counts[value] += 1
    chosen = [value for value in values if value is not None]
    return Spread(counts=counts, dont_know=len(values) - len(chosen), median=median(chosen) if chosen else None)


def classify(definition: Definition, value: float | None) -> str:
    """'strength', 'gap' or '' for an agreed score, by the definition's thresholds."""
    if value is None:
        return ""
    scoring = definition.scoring
    if scoring.strength_at is not None and value >= scoring.strength_at:
        return "strength"
    if scoring.gap_at is not None and value <= scoring.gap_at:
        return "gap"
    return ""
