"""Every repeated measure as an XmR chart, a table and a sentence.

A tool registers its repeated figures as `Measure`s (programmes.registry);
this module turns one into what the Progress page shows: the chart (the
values, with the mean and process limits as lines once spc.xmr() has enough
points), the same figures as a table, a sentence with the plain-English
reading, and what the variation and assurance icons mean, in words.

Limits can be recalculated from a point a person chooses ("recalculate limits
from point N"): the points before it keep the limits they had, the points from
it on get their own. Nothing is stored; the choice travels in the page's
address, so it works without JavaScript and anyone who can see the page can
try it. No Django here: plain Python, testable on its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from pathfinder.evidence import spc
from pathfinder.programmes.registry import ActionRef, Measure
from pathfinder.reports.content import Chart, Series

# A recalculation needs 13 points before it (spc.MIN_POINTS), so the earliest
# point limits can be recalculated from is the 14th.
EARLIEST_RECALCULATION = spc.MIN_POINTS + 1

SHORT_READING = {
    spc.Reading.IMPROVING: "Improving",
    spc.Reading.CONCERN: "A concern",
    spc.Reading.NO_SIGNIFICANT_CHANGE: "No significant change",
    spc.Reading.CHANGE: "A significant change",
}

DIRECTION_WORDS = {
    "higher": "Higher is better.",
    "lower": "Lower is better.",
    "neither": "Neither higher nor lower is better in itself.",
}


def number_text(value: float) -> str:
    """12 for a whole number, 12.3 otherwise (one decimal place)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def value_text(value: float, unit: str) -> str:
    return f"{number_text(value)}{unit}"


def recalculation_problem(measure: Measure, point: int) -> str | None:
    """Why limits cannot be recalculated from `point` (counted from 1), or None."""
    count = len(measure.points)
    if count < EARLIEST_RECALCULATION:
        return (
            f"Limits can be recalculated only once there are at least {EARLIEST_RECALCULATION} points: "
            f"this measure has {count}."
        )
    if not EARLIEST_RECALCULATION <= point <= count:
        return (
            f"Choose a point from {EARLIEST_RECALCULATION} to {count}: the limits before it need at least "
            f"{spc.MIN_POINTS} points."
        )
    return None


@dataclass(frozen=True)
class MeasureView:
    measure: Measure
    spc: spc.Chart
    chart: Chart | None  # None when there are no points, or from `reading_only`
    recalculated_from: int | None  # the point (counted from 1) limits were recalculated from

    @property
    def latest(self):
        return self.measure.points[-1] if self.measure.points else None

    @property
    def latest_text(self) -> str:
        latest = self.latest
        return value_text(latest.value, self.measure.unit) if latest else "No value yet"

    @property
    def reading(self) -> str:
        """In brief: "Improving", "A concern", ... or "Needs 4 more points"."""
        if self.spc.reading is spc.Reading.NOT_ENOUGH_DATA:
            needed = self.spc.points_needed
            return f"Needs {needed} more point{'' if needed == 1 else 's'}"
        return SHORT_READING[self.spc.reading]

    @property
    def reading_key(self) -> str:
        return self.spc.reading.value

    @property
    def direction_text(self) -> str:
        return DIRECTION_WORDS[self.spc.direction.value]

    @property
    def can_recalculate(self) -> bool:
        return len(self.measure.points) >= EARLIEST_RECALCULATION


def present(measure: Measure, *, recalculate_from: int | None = None) -> MeasureView:
    """The measure's XmR chart; `recalculate_from` (a point counted from 1) must
    have passed `recalculation_problem`."""
    values = [point.value for point in measure.points]
    rebase = [recalculate_from - 1] if recalculate_from else []
    xmr = spc.xmr(values, direction=measure.direction, rebase_at=rebase)
    chart = xmr_chart(
        xmr,
        title=measure.title,
        categories=[point.label for point in measure.points],
        value_name="Value",
        summary=summary(measure, xmr),
        value_label=f"{measure.title}{' (' + measure.unit.strip() + ')' if measure.unit.strip() else ''}",
        value_suffix=measure.unit if measure.unit.strip() == "%" else "",
    )
    return MeasureView(measure=measure, spc=xmr, chart=chart, recalculated_from=recalculate_from)


def reading_only(measure: Measure) -> MeasureView:
    """The measure's XmR reading without its chart, for places that show the
    reading in words (the dashboard, the theory of change): the same limits
    and reading as `present`, without building the chart and its table."""
    xmr = spc.xmr([point.value for point in measure.points], direction=measure.direction)
    return MeasureView(measure=measure, spc=xmr, chart=None, recalculated_from=None)


def summary(measure: Measure, xmr: spc.Chart) -> str:
    if not measure.points:
        return "There are no values yet."
    latest = measure.points[-1]
    return f"The latest value, for {latest.label}, is {value_text(latest.value, measure.unit)}. {xmr.sentence}"


def xmr_chart(
    xmr: spc.Chart,
    *,
    title: str,
    categories: list[str],
    value_name: str,
    summary: str,
    value_label: str = "",
    category_label: str = "When",
    low: float | None = None,
    high: float | None = None,
    value_suffix: str = "",
) -> Chart | None:
    """The values with each segment's mean and process limits as series (no
    value where a segment has too few points for limits). `low`/`high`: the
    natural range of the values, widened to fit the limits."""
    if not xmr.points:
        return None
    values = [point.value for point in xmr.points]
    series = [Series(value_name, values)]
    if any(segment is not None for segment in xmr.segments):

        def line(name):
            return [
                None if xmr.segments[point.segment] is None else getattr(xmr.segments[point.segment], name)
                for point in xmr.points
            ]

        series += [
            Series("Mean", line("mean")),
            Series("Upper process limit", line("upper")),
            Series("Lower process limit", line("lower")),
        ]
    shown = [value for s in series for value in s.values if value is not None]
    bottom = min(shown) if low is None else min(low, min(shown))
    top = max(shown) if high is None else max(high, max(shown))
    if low is None:
        bottom = min(0, math.floor(bottom))
    return Chart(
        kind="lines",
        title=title,
        categories=categories,
        series=series,
        summary=summary,
        min_value=math.floor(bottom),
        max_value=math.ceil(top) if top > bottom else math.floor(bottom) + 1,
        value_label=value_label or value_name,
        category_label=category_label,
        value_suffix=value_suffix,
    )


@dataclass(frozen=True)
class Group:
    title: str
    views: list[MeasureView]


def grouped(views: list[MeasureView]) -> list[Group]:
    """Measures under their group headings, groups in the order they first come."""
    groups: dict[str, list[MeasureView]] = {}
    for view in views:
        groups.setdefault(view.measure.group, []).append(view)
    return [Group(title, found) for title, found in groups.items()]


def reading_counts(views: list[MeasureView]) -> list[tuple[str, int]]:
    """(reading in words, how many measures have it), leaving out readings nobody has."""
    order = [
        (spc.Reading.IMPROVING, "Improving"),
        (spc.Reading.CONCERN, "A concern"),
        (spc.Reading.CHANGE, "A significant change"),
        (spc.Reading.NO_SIGNIFICANT_CHANGE, "No significant change"),
        (spc.Reading.NOT_ENOUGH_DATA, "Not enough points yet"),
    ]
    counts = {reading: sum(1 for view in views if view.spc.reading is reading) for reading, _ in order}
    return [(label, counts[reading]) for reading, label in order if counts[reading]]


def collect(programme, user, sources) -> list[Measure]:
    """Every measure from the registered sources, in the sources' order."""
    found = []
    for source in sources:
        found.extend(source.measures(programme, user))
    return found


@dataclass(frozen=True)
class Evidences:
    """An indicator of the theory of change that a measure evidences."""

    indicator: str
    outcome: str
    outcome_kind: str  # "Short-term outcome"
    href: str  # the outcome in the theory of change
    actions: tuple[ActionRef, ...] = ()  # the plan's actions towards that outcome


# (programme, user) -> {measure key: [Evidences]}: registered by the plan, which
# keeps the theory of change, so this app never imports it.
_evidence_links: list[Callable] = []


def register_evidence_links(lookup: Callable) -> None:
    _evidence_links[:] = [lookup]


def evidence_links(programme, user) -> dict[str, list[Evidences]]:
    return _evidence_links[0](programme, user) if _evidence_links else {}


@dataclass
class Trend:
    chart: Chart | None
    spc: spc.Chart


def xmr_trend(
    values: list[float],
    *,
    categories: list[str],
    direction: spc.Direction,
    title: str,
    series_label: str,
    value_label: str,
    category_label: str,
    lead: str = "",
    low: float | None = None,
    high: float | None = None,
) -> Trend:
    """`values` (oldest first) as an XmR chart whose sentence starts with
    `lead` and goes on with the SPC reading: the MAT standards' and the
    language audits' trends."""
    xmr = spc.xmr(values, direction=direction)
    chart = xmr_chart(
        xmr,
        title=title,
        categories=categories,
        value_name=series_label,
        summary=f"{lead} {xmr.sentence}".strip(),
        value_label=value_label,
        category_label=category_label,
        low=low,
        high=high,
    )
    return Trend(chart=chart, spc=xmr)
