"""XmR charts in the NHS "Making Data Count" (MDC) way. Pure Python, no Django.

`xmr(values, ...)` takes a series in time order and returns a `Chart`: every
point with its moving range and the signals it is part of, the limits of each
segment (a segment is the stretch between rebases), the variation and
assurance icons of the latest point, and a plain-English reading. Nothing is
stored: charts are computed from the series each time.

The choices, where published tools differ (FACTS.md, "SPC details that
published tools get wrong"):

Arithmetic
    Exact (`fractions.Fraction`) inside, floats only in the result, so a point
    exactly on the mean or on a limit is decided exactly, never by rounding.
    Values must be finite numbers (int, float, Decimal or Fraction, not bool).

Limits
    Centre line: the mean. Moving range: |x[i] - x[i-1]| within a segment (never
    across a rebase; the first point of each segment has none). Process limits:
    mean ± 2.66 x mean moving range (2.66 = 3 / 1.128, i.e. 3 sigma). The "near the
    limit" band (≈ 2 sigma): mean ± (2/3) x 2.66 x mean moving range.
    Screening of large moving ranges (those ≥ 3.267 x the mean moving range,
    left out and the mean recalculated once) is available but OFF by default,
    as in MDC's own tool (`screen_moving_ranges=True` to use it).

How many points
    Limits, signals and icons only from 13 points (MDC's single-chart tool;
    NHSRplotthedots says 12 in its documentation and uses 13 in its code). With
    fewer the chart says how many more points are needed (`points_needed`).
    A baseline shorter than 13 points is refused.

Baseline and rebasing
    `baseline=N`: each segment's limits come from its first N points and are
    then applied to every point of the segment (a fixed baseline). If a
    segment has 13 or more points but fewer than N, its limits come from the
    points it has and `Limits.complete` is False (they may still move).
    `rebase_at=[k, ...]`: 0-based indices where a new segment starts, with its
    own limits. The module never rebases by itself: deciding that a process has
    changed is a judgement, so a person chooses the point and the caller
    records who and why. Every segment before the last must have at least 13
    points (refused otherwise); the last may be shorter, and then the chart
    says how many more points it needs since the rebase. Signals never run
    across a rebase. Assurance always uses the latest segment's limits.

The four signals (a point can be part of several)
    1. A point beyond a limit: strictly above the upper or below the lower
       process limit (a point exactly on a limit is not beyond it).
    2. Two of three: in any three consecutive points, two or more strictly
       beyond the 2 sigma line on the same side. Following MDC's November 2023
       change, a point beyond 3 sigma (beyond the limit) counts as beyond 2 sigma too
       (NHSRplotthedots, issue #194, still counted only points between 2 sigma and
       3 sigma). The points beyond 2 sigma are flagged; the third point of the window
       is not.
    3. A shift: 7 or more consecutive points on the same side of the mean. A
       point exactly on the mean breaks the run (as NHSRplotthedots does: it
       is on neither side). Run-chart rules that skip points on the median
       (IHI) are not followed: a value on the mean is not evidence of a shift.
    4. A trend: 7 or more consecutive points each strictly higher (or each
       strictly lower) than the one before, i.e. six rises in a row. A tie (a
       repeated value) breaks the trend: a repeated value is not a rise, and
       skipping ties would call trends that the data do not show. All the
       points of the trend are flagged, the first one included.

Icons (of the latest point, as in MDC's summary)
    Direction is "higher is better", "lower is better" or "neither". A signal
    above the mean, or a rising trend, is on the high side. With a direction,
    a signal on the better side is "special cause improving", on the other
    side "special cause concerning"; with no direction it is "special cause,
    neither" (high or low). If the latest point is part of signals on both
    sides (say a shift above the mean during a falling trend), concern wins,
    so that a worrying signal is never hidden; with no direction the side of
    the point relative to the mean wins. No signal: common cause.
    Assurance needs a target and a direction. A target is met by a value at
    or above it (higher is better) or at or below it (lower is better).
    Consistently passing: every value between the limits meets it (lower limit
    ≥ target, or upper limit ≤ target); consistently failing: none does (upper
    limit < target, or lower limit > target); otherwise hit and miss. So a
    series of all 100% (zero moving range, limits on the mean) with a target of
    95% or 100% is consistently passing, not hit and miss.
    Limits are not clipped to a natural range (0 to 100% or counts ≥ 0).

Readings (`Chart.reading`, `Chart.sentence`)
    Of the latest point: "improving" (special cause improving), "a concern"
    (special cause concerning), "no significant change" (common cause), "a
    significant change" (special cause when neither direction is better), or
    "not enough data yet" (with how many more points are needed). The icons'
    meanings in words: `Chart.variation_meaning`, `Chart.assurance_meaning`.
    Indices in the API are 0-based; sentences count points from 1.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise

MIN_POINTS = 13
RUN_LENGTH = 7
LIMIT_FACTOR = Fraction(266, 100)
NEAR_FACTOR = LIMIT_FACTOR * 2 / 3
SCREEN_FACTOR = Fraction(3267, 1000)


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    NEITHER = "neither"


class Side(StrEnum):
    HIGH = "high"
    LOW = "low"


class Variation(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVING_HIGH = "improving_high"
    IMPROVING_LOW = "improving_low"
    CONCERNING_HIGH = "concerning_high"
    CONCERNING_LOW = "concerning_low"
    NEITHER_HIGH = "neither_high"
    NEITHER_LOW = "neither_low"


class Assurance(StrEnum):
    PASSING = "consistently_passing"
    FAILING = "consistently_failing"
    HIT_AND_MISS = "hit_and_miss"


class Reading(StrEnum):
    IMPROVING = "improving"
    CONCERN = "concern"
    NO_SIGNIFICANT_CHANGE = "no_significant_change"
    CHANGE = "change"  # special cause with no better direction
    NOT_ENOUGH_DATA = "not_enough_data"


READING_WORDS = {
    Reading.IMPROVING: "improving",
    Reading.CONCERN: "a concern",
    Reading.NO_SIGNIFICANT_CHANGE: "no significant change",
    Reading.CHANGE: "a significant change",
    Reading.NOT_ENOUGH_DATA: "not enough data yet",
}

VARIATION_MEANING = {
    Variation.COMMON_CAUSE: "Common cause variation: the values go up and down only as much as this process "
    "usually does. Nothing has changed significantly.",
    Variation.IMPROVING_HIGH: "Special cause variation, improving: the values are higher than this process "
    "usually gives, and higher is better.",
    Variation.IMPROVING_LOW: "Special cause variation, improving: the values are lower than this process "
    "usually gives, and lower is better.",
    Variation.CONCERNING_HIGH: "Special cause variation, a concern: the values are higher than this process "
    "usually gives, and lower is better.",
    Variation.CONCERNING_LOW: "Special cause variation, a concern: the values are lower than this process "
    "usually gives, and higher is better.",
    Variation.NEITHER_HIGH: "Special cause variation: the values are higher than this process usually gives. "
    "Neither higher nor lower is better for this measure.",
    Variation.NEITHER_LOW: "Special cause variation: the values are lower than this process usually gives. "
    "Neither higher nor lower is better for this measure.",
}

READING_SENTENCE = {
    Reading.IMPROVING: "Improving: the latest value is part of a significant change for the better.",
    Reading.CONCERN: "A concern: the latest value is part of a significant change for the worse.",
    Reading.NO_SIGNIFICANT_CHANGE: "No significant change: the latest value is within the variation this process "
    "usually shows.",
    Reading.CHANGE: "A significant change: the latest value is part of a change that is neither better nor worse "
    "in itself.",
}

ASSURANCE_MEANING = {
    Assurance.PASSING: "Consistently passing: the whole range this process varies over meets the target, so it "
    "will keep meeting it unless something changes.",
    Assurance.FAILING: "Consistently failing: the whole range this process varies over misses the target, so it "
    "will not meet it unless the process changes.",
    Assurance.HIT_AND_MISS: "Hit and miss: the target lies inside the range this process varies over, so it will "
    "be met some of the time and missed some of the time by chance alone.",
}


@dataclass(frozen=True)
class Limits:
    """One segment's centre line and limits."""

    start: int  # index of the segment's first point
    end: int  # index after its last point
    mean: float
    mean_moving_range: float
    upper: float  # process limits (3 sigma)
    lower: float
    upper_near: float  # the 2 sigma lines
    lower_near: float
    baseline_points: int  # how many points the limits come from
    complete: bool  # False while the segment has fewer points than the baseline asked for


@dataclass(frozen=True)
class Point:
    index: int
    value: float
    segment: int
    moving_range: float | None  # None for a segment's first point
    beyond_limit: Side | None = None
    two_of_three: Side | None = None
    shift: Side | None = None
    trend: Side | None = None

    @property
    def sides(self) -> set[Side]:
        return {side for side in (self.beyond_limit, self.two_of_three, self.shift, self.trend) if side}

    @property
    def special_cause(self) -> bool:
        return bool(self.sides)


@dataclass(frozen=True)
class Chart:
    points: tuple[Point, ...]
    segments: tuple[Limits | None, ...]  # None: a segment too short for limits
    direction: Direction
    target: float | None
    variation: Variation | None  # of the latest point; None without limits
    assurance: Assurance | None  # None without a target, a direction or limits
    reading: Reading
    points_needed: int  # 0 when the latest segment has enough points
    sentence: str
    variation_meaning: str
    assurance_meaning: str

    @property
    def limits(self) -> Limits | None:
        """The latest segment's limits."""
        return self.segments[-1] if self.segments else None


def _exact(value) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        raise ValueError(f"An SPC value must be a number, not {value!r}.")
    if isinstance(value, float | Decimal) and not math.isfinite(value):
        raise ValueError(f"An SPC value must be a finite number, not {value!r}.")
    return Fraction(value)


def _segment_bounds(count: int, rebase_at: Iterable[int]) -> list[tuple[int, int]]:
    starts = [0]
    for index in rebase_at:
        if not isinstance(index, int) or isinstance(index, bool):
            raise ValueError(f"A rebase point must be a whole number, not {index!r}.")
        if index <= starts[-1] or index >= count:
            raise ValueError(
                f"A rebase at point {index + 1} is not possible: rebase points must be in order, "
                f"after the first point and within the {count} points of the series."
            )
        if index - starts[-1] < MIN_POINTS:
            raise ValueError(
                f"A rebase at point {index + 1} leaves only {index - starts[-1]} points before it; "
                f"limits need at least {MIN_POINTS}."
            )
        starts.append(index)
    return list(zip(starts, [*starts[1:], count], strict=True))


def _limits(values: list[Fraction], start: int, end: int, baseline: int | None, screen: bool):
    """Exact figures for one segment (or None when it is too short)."""
    if end - start < MIN_POINTS:
        return None
    used = min(baseline, end - start) if baseline else end - start
    base = values[start : start + used]
    mean = sum(base) / len(base)
    ranges = [abs(b - a) for a, b in pairwise(base)]
    mr = sum(ranges) / len(ranges)
    if screen:
        kept = [r for r in ranges if r < SCREEN_FACTOR * mr]
        mr = sum(kept) / len(kept) if kept else mr
    return {
        "start": start,
        "end": end,
        "mean": mean,
        "mean_moving_range": mr,
        "upper": mean + LIMIT_FACTOR * mr,
        "lower": mean - LIMIT_FACTOR * mr,
        "upper_near": mean + NEAR_FACTOR * mr,
        "lower_near": mean - NEAR_FACTOR * mr,
        "baseline_points": used,
        "complete": baseline is None or used == baseline,
    }


def _signals(values: list[Fraction], limits: dict) -> dict[str, dict[int, Side]]:
    start, end = limits["start"], limits["end"]
    flags: dict[str, dict[int, Side]] = {"beyond_limit": {}, "two_of_three": {}, "shift": {}, "trend": {}}
    for i in range(start, end):
        if values[i] > limits["upper"]:
            flags["beyond_limit"][i] = Side.HIGH
        elif values[i] < limits["lower"]:
            flags["beyond_limit"][i] = Side.LOW

    def near(i: int) -> Side | None:
        if values[i] > limits["upper_near"]:
            return Side.HIGH
        if values[i] < limits["lower_near"]:
            return Side.LOW
        return None

    for first in range(start, end - 2):
        window = range(first, first + 3)
        for side in Side:
            beyond = [i for i in window if near(i) == side]
            if len(beyond) >= 2:
                for i in beyond:
                    flags["two_of_three"][i] = side

    mean = limits["mean"]
    signs = [None if v == mean else (1 if v > mean else -1) for v in values[start:end]]
    for first, last, key in _runs(signs, RUN_LENGTH):
        for i in range(first, last):
            flags["shift"][start + i] = Side.HIGH if key > 0 else Side.LOW
    # A trend of 7 points is 6 steps the same way; step i joins points i and i + 1.
    segment = values[start:end]
    steps = [None if b == a else (1 if b > a else -1) for a, b in pairwise(segment)]
    for first, last, key in _runs(steps, RUN_LENGTH - 1):
        for i in range(first, last + 1):
            flags["trend"][start + i] = Side.HIGH if key > 0 else Side.LOW
    return flags


def _runs(keys: list[int | None], length: int) -> list[tuple[int, int, int]]:
    """(first, after last, key) of each run of `length` or more equal keys; None breaks a run."""
    found, first = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[first]:
            if keys[first] is not None and i - first >= length:
                found.append((first, i, keys[first]))
            first = i
    return found


def _variation(point: Point, direction: Direction, mean: Fraction, value: Fraction) -> Variation:
    sides = point.sides
    if not sides:
        return Variation.COMMON_CAUSE
    if direction is Direction.NEITHER:
        side = sides.pop() if len(sides) == 1 else (Side.HIGH if value > mean else Side.LOW)
        return Variation.NEITHER_HIGH if side is Side.HIGH else Variation.NEITHER_LOW
    better = Side.HIGH if direction is Direction.HIGHER else Side.LOW
    worse = Side.LOW if better is Side.HIGH else Side.HIGH
    if worse in sides:
        return Variation.CONCERNING_HIGH if worse is Side.HIGH else Variation.CONCERNING_LOW
    return Variation.IMPROVING_HIGH if better is Side.HIGH else Variation.IMPROVING_LOW


def _assurance(limits: dict, direction: Direction, target: Fraction) -> Assurance | None:
    if direction is Direction.HIGHER:
        if limits["lower"] >= target:
            return Assurance.PASSING
        if limits["upper"] < target:
            return Assurance.FAILING
        return Assurance.HIT_AND_MISS
    if direction is Direction.LOWER:
        if limits["upper"] <= target:
            return Assurance.PASSING
        if limits["lower"] > target:
            return Assurance.FAILING
        return Assurance.HIT_AND_MISS
    return None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def xmr(
    values: Sequence,
    *,
    direction: Direction | str = Direction.NEITHER,
    target=None,
    baseline: int | None = None,
    rebase_at: Iterable[int] = (),
    screen_moving_ranges: bool = False,
) -> Chart:
    """The XmR chart of `values` (in time order). See the module docstring."""
    direction = Direction(direction)
    exact = [_exact(v) for v in values]
    exact_target = None if target is None else _exact(target)
    if baseline is not None and (isinstance(baseline, bool) or not isinstance(baseline, int) or baseline < MIN_POINTS):
        raise ValueError(f"A baseline needs at least {MIN_POINTS} points, not {baseline!r}.")
    bounds = _segment_bounds(len(exact), list(rebase_at)) if exact else [(0, 0)]
    segment_figures = [_limits(exact, start, end, baseline, screen_moving_ranges) for start, end in bounds]

    points = []
    for number, ((start, end), figures) in enumerate(zip(bounds, segment_figures, strict=True)):
        flags = _signals(exact, figures) if figures else {}
        for i in range(start, end):
            points.append(
                Point(
                    index=i,
                    value=float(exact[i]),
                    segment=number,
                    moving_range=None if i == start else float(abs(exact[i] - exact[i - 1])),
                    **{name: marks.get(i) for name, marks in flags.items()},
                )
            )

    latest = segment_figures[-1]
    start, end = bounds[-1]
    variation = assurance = None
    points_needed = 0
    if latest is None:
        points_needed = MIN_POINTS - (end - start)
        reading = Reading.NOT_ENOUGH_DATA
    else:
        variation = _variation(points[-1], direction, latest["mean"], exact[-1])
        if exact_target is not None:
            assurance = _assurance(latest, direction, exact_target)
        reading = {
            Variation.COMMON_CAUSE: Reading.NO_SIGNIFICANT_CHANGE,
            Variation.IMPROVING_HIGH: Reading.IMPROVING,
            Variation.IMPROVING_LOW: Reading.IMPROVING,
            Variation.CONCERNING_HIGH: Reading.CONCERN,
            Variation.CONCERNING_LOW: Reading.CONCERN,
        }.get(variation, Reading.CHANGE)

    segments = tuple(None if f is None else Limits(**{k: _float(v) for k, v in f.items()}) for f in segment_figures)
    return Chart(
        points=tuple(points),
        segments=segments,
        direction=direction,
        target=None if exact_target is None else float(exact_target),
        variation=variation,
        assurance=assurance,
        reading=reading,
        points_needed=points_needed,
        sentence=_sentence(reading, points_needed, len(bounds) > 1, start, segments[-1], assurance),
        variation_meaning=VARIATION_MEANING[variation] if variation else "",
        assurance_meaning=ASSURANCE_MEANING[assurance] if assurance else _no_assurance(exact_target, direction),
    )


def _float(value):
    return float(value) if isinstance(value, Fraction) else value


def _no_assurance(target, direction: Direction) -> str:
    if target is None:
        return "There is no target, so there is no assurance reading."
    if direction is Direction.NEITHER:
        return "There is a target but neither higher nor lower is better, so there is no assurance reading."
    return ""


def _sentence(
    reading: Reading, needed: int, rebased: bool, start: int, limits: Limits | None, assurance: Assurance | None
) -> str:
    if reading is Reading.NOT_ENOUGH_DATA:
        since = f" since the limits were recalculated at point {start + 1}" if rebased else ""
        return (
            f"Not enough data yet: {_plural(needed, 'more point')} {'is' if needed == 1 else 'are'} needed{since} "
            f"before this chart can show limits or signals (it needs {MIN_POINTS})."
        )
    sentence = READING_SENTENCE[reading]
    if assurance is not None:
        sentence += (
            " "
            + {
                Assurance.PASSING: "It is consistently meeting the target.",
                Assurance.FAILING: "It is consistently missing the target.",
                Assurance.HIT_AND_MISS: "It will meet the target only some of the time.",
            }[assurance]
        )
    if limits is not None and not limits.complete:
        sentence += f" The limits come from the first {limits.baseline_points} points and may still change."
    return sentence
