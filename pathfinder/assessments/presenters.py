"""Shape assessment data for pages, charts and exports.

Scores come from instruments.scoring; this module only arranges them.
Raters are named by design, but how people answered an item (the spread, the
names beside scores and their evidence notes) is shown only when at least
three people other than the viewer have submitted answers to it, so the
viewer cannot subtract their own answer and pick out one or two others.
Drafts (answers saved but not submitted) never count. Pages and downloads
both go through `gated_ratings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pathfinder.instruments import scoring
from pathfinder.instruments.definition import Definition, Item, Section
from pathfinder.reports.content import Chart, Series, Table

SPREAD_FROM = 3  # people other than the viewer who submitted, before a spread is shown


def agreed_answers(agreed) -> dict[str, int | None]:
    return {score.item_code: score.value for score in agreed}


def gated_ratings(ratings, viewer_id) -> dict[str, list]:
    """Submitted ratings by item, only for items at least SPREAD_FROM people
    other than the viewer have submitted. Ratings need `rater` loaded."""
    by_item: dict[str, list] = {}
    for rating in ratings:
        if rating.rater.submitted_at is not None:
            by_item.setdefault(rating.item_code, []).append(rating)
    return {
        code: given
        for code, given in by_item.items()
        if len({rating.rater.user_id for rating in given} - {viewer_id}) >= SPREAD_FROM
    }


def visible_spreads(definition: Definition, ratings, viewer_id) -> dict[str, scoring.Spread | None]:
    """Every scale item's spread for a download; None where it is not shown."""
    gated = gated_ratings(ratings, viewer_id)
    return {
        item.code: scoring.spread(definition, item, [rating.value for rating in gated[item.code]])
        if item.code in gated
        else None
        for item in definition.items
        if item.type == "scale"
    }


@dataclass
class ItemSpread:
    item: Item
    spread: scoring.Spread | None  # None: not shown (too few others submitted)
    points: list[tuple[int, str, int]]  # value, label, count
    named: list[tuple[str, str]]  # (name, answer label)
    notes: list[str]  # evidence notes, with names
    agreed: object | None = None

    @property
    def shown(self) -> bool:
        return self.spread is not None


def spreads(definition: Definition, section: Section, ratings, agreed: dict, viewer_id) -> list[ItemSpread]:
    """Per item of a section: how raters answered (when shown), and what was agreed."""
    gated = gated_ratings(ratings, viewer_id)
    rows = []
    for item in section.items:
        if item.type != "scale":
            continue
        if item.code not in gated:
            rows.append(ItemSpread(item=item, spread=None, points=[], named=[], notes=[], agreed=agreed.get(item.code)))
            continue
        scale = definition.scale_for(item)
        given = gated[item.code]
        summary = scoring.spread(definition, item, [rating.value for rating in given])
        rows.append(
            ItemSpread(
                item=item,
                spread=summary,
                points=[(point.value, point.label, summary.counts[point.value]) for point in scale.points],
                named=sorted((rating.rater.user.full_name, scale.label_for(rating.value)) for rating in given),
                notes=sorted(
                    f"{rating.rater.user.full_name}: {rating.evidence}" for rating in given if rating.evidence
                ),
                agreed=agreed.get(item.code),
            )
        )
    return rows


@dataclass
class ThemeResult:
    key: str
    title: str
    theme: str
    score: float | None
    answered: int
    items: int


@dataclass
class RoundResult:
    themes: list[ThemeResult]
    overall: scoring.GroupScore
    strengths: list[tuple[Item, int | None, str]] = field(default_factory=list)  # item, value, rationale
    gaps: list[tuple[Item, int | None, str]] = field(default_factory=list)
    unscored: int = 0


def round_result(definition: Definition, agreed, only: set[str] | None = None) -> RoundResult:
    answers = agreed_answers(agreed)
    rationale = {score.item_code: score.rationale for score in agreed}
    sections = {section.key: section for section in definition.sections}
    themes = [
        ThemeResult(group.key, group.title, sections[group.key].theme, group.score, group.answered, group.items)
        for group in scoring.section_scores(definition, answers, only)
    ]
    result = RoundResult(themes=themes, overall=scoring.overall_score(definition, answers, only))
    for item in definition.items:
        if item.type != "scale" or (only is not None and item.code not in only):
            continue
        value = answers.get(item.code)
        kind = scoring.classify(definition, scoring.item_value(definition, item, value))
        if kind == "strength":
            result.strengths.append((item, value, rationale.get(item.code, "")))
        elif kind == "gap":
            result.gaps.append((item, value, rationale.get(item.code, "")))
        if value is None:
            result.unscored += 1
    return result


def by_section(definition: Definition, rows: list) -> list[tuple[str, list]]:
    """Rows of (item, value, why) grouped under their section, in the tool's order."""
    groups = []
    for section in definition.sections:
        matching = [row for row in rows if row[0].section == section.key]
        if matching:
            groups.append((section.title, matching))
    return groups


def one_decimal(value: float | None) -> str:
    return "not scored" if value is None else f"{value:.1f}"


def comparison_chart(definition: Definition, rounds: list[tuple[str, RoundResult]]) -> Chart:
    """Theme scores of two or more rounds side by side (e.g. baseline and latest)."""
    scale = definition.scales[next(item.scale for item in definition.items if item.type == "scale")]
    categories = [theme.title for theme in rounds[0][1].themes]
    series = [Series(name, [theme.score for theme in result.themes]) for name, result in rounds]
    first_name, first = rounds[0]
    last_name, last = rounds[-1]
    return Chart(
        kind="bars",
        title="Agreed score by theme",
        categories=categories,
        series=series,
        summary=_comparison_sentence(first_name, first, last_name, last) if len(rounds) > 1 else _single_sentence(last),
        min_value=0,
        max_value=scale.maximum,
        value_label=f"Average agreed score (1 = {scale.points[0].label.lower()}, {scale.maximum} = {scale.points[-1].label.lower()})",
    )


def _single_sentence(result: RoundResult) -> str:
    scored = [theme for theme in result.themes if theme.score is not None]
    if not scored:
        return "No theme has an agreed score yet."
    best = max(scored, key=lambda theme: theme.score)
    lowest = min(scored, key=lambda theme: theme.score)
    return (
        f"The average agreed score is {one_decimal(result.overall.score)}; "
        f"{best.title} scored highest ({one_decimal(best.score)}) and {lowest.title} has the most room to grow "
        f"({one_decimal(lowest.score)})."
    )


def _comparison_sentence(first_name: str, first: RoundResult, last_name: str, last: RoundResult) -> str:
    pairs = [
        (before.title, before.score, after.score)
        for before, after in zip(first.themes, last.themes, strict=True)
        if before.score is not None and after.score is not None
    ]
    if not pairs:
        return f"No theme has agreed scores in both {first_name} and {last_name}, so they cannot be compared yet."
    up = [title for title, before, after in pairs if after > before]
    down = [title for title, before, after in pairs if after < before]
    biggest = max(pairs, key=lambda pair: pair[2] - pair[1])
    text = (
        f"From {first_name} to {last_name}, {len(up)} of {len(pairs)} themes scored higher"
        f"{f' and {len(down)} lower' if down else ''}"
    )
    if biggest[2] > biggest[1]:
        text += f"; the biggest rise was in {biggest[0]} ({one_decimal(biggest[1])} to {one_decimal(biggest[2])})"
    return text + "."


def trend_chart(definition: Definition, rounds: list[tuple[str, RoundResult]]) -> Chart:
    scale = definition.scales[next(item.scale for item in definition.items if item.type == "scale")]
    values = [result.overall.score for _, result in rounds]
    known = [value for value in values if value is not None]
    if len(known) >= 2:
        direction = "risen" if known[-1] > known[0] else "fallen" if known[-1] < known[0] else "stayed the same"
        summary = (
            f"Across {len(rounds)} rounds the average agreed score has {direction}, "
            f"from {one_decimal(known[0])} to {one_decimal(known[-1])}."
        )
    else:
        summary = "There is only one scored round so far; the trend appears after the next one."
    return Chart(
        kind="lines",
        title="Average agreed score over time",
        categories=[name for name, _ in rounds],
        series=[Series("Average agreed score", values)],
        summary=summary,
        min_value=0,
        max_value=scale.maximum,
        value_label="Average agreed score",
    )


def items_table(definition: Definition, round_title: str, spreads_by_item: dict, agreed) -> Table:
    """One row per item: how many gave each answer (blank where not shown), and what was agreed."""
    answers = {score.item_code: score for score in agreed}
    scale_names = sorted({item.scale for item in definition.items if item.type == "scale"})
    scale = definition.scales[scale_names[0]]
    columns = [
        "Theme",
        "Item code",
        "Item",
        *[point.label for point in scale.points],
        scale.dont_know or "No answer",
        "Agreed score",
        "Agreed answer",
        "Why",
    ]
    rows = []
    for section in definition.sections:
        for item in section.items:
            if item.type != "scale":
                continue
            spread = spreads_by_item.get(item.code)
            counts = [spread.counts[point.value] if spread else None for point in scale.points]
            agreed_score = answers.get(item.code)
            rows.append(
                [
                    section.title,
                    item.code,
                    item.text,
                    *counts,
                    spread.dont_know if spread else None,
                    agreed_score.value if agreed_score else None,
                    scale.label_for(agreed_score.value) if agreed_score else "not agreed yet",
                    agreed_score.rationale if agreed_score else "",
                ]
            )
    numeric = frozenset(range(3, 3 + len(scale.points) + 2))
    return Table(
        title=f"{round_title}: items",
        columns=columns,
        rows=rows,
        numeric_columns=numeric,
        caption=f"How many people gave each answer is left blank where fewer than {SPREAD_FROM} people other "
        "than you submitted answers to the item. Answers saved but not submitted are not counted.",
    )


def themes_table(title: str, result: RoundResult) -> Table:
    return Table(
        title=title,
        columns=["Theme", "Average agreed score", "Items scored", "Items"],
        rows=[
            [theme.title, None if theme.score is None else round(theme.score, 2), theme.answered, theme.items]
            for theme in result.themes
        ],
        numeric_columns=frozenset({1, 2, 3}),
    )
