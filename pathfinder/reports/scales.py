"""Axis ranges and tick marks: numbers that read well (0, 1, 2… or 0, 20, 40…)."""

import math
from collections.abc import Iterable
from dataclasses import dataclass


def nice_step(span: float, target_ticks: int = 5) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that splits `span`
    into about `target_ticks` steps or fewer."""
    if span <= 0:
        return 1.0
    raw = span / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10 * magnitude  # pragma: no cover  (the loop always returns)


def value_domain(values: Iterable[float | None], min_value: float, max_value: float | None) -> tuple[float, float]:
    """The range an axis covers: from min_value (or lower, if a value is lower)
    to max_value (or higher, if a value is higher); without a max_value, up to
    the first round number at or above the largest value."""
    present = [v for v in values if v is not None and math.isfinite(v)]
    low = min([min_value, *present])
    if max_value is not None:
        high = max([max_value, *present])
    else:
        top = max(present, default=low)
        step = nice_step(top - low)
        high = low + math.ceil((top - low) / step) * step
    if high <= low:
        high = low + 1
    return low, high


def ticks(low: float, high: float, target_ticks: int = 5) -> list[float]:
    """Round numbers from low to high, both ends included when they are round."""
    step = nice_step(high - low, target_ticks)
    first = math.ceil(low / step - 1e-9)
    values = []
    index = first
    while (value := round(index * step, 10)) <= high + step * 1e-9:
        values.append(value)
        index += 1
    return values


@dataclass(frozen=True)
class LinearScale:
    """Maps a value in [low, high] to a position in [start, end] (end may be < start)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        fraction = (value - self.low) / (self.high - self.low)
        fraction = min(max(fraction, 0.0), 1.0)
        return self.start + fraction * (self.end - self.start)
