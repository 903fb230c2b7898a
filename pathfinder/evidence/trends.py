"""A repeated figure as an XmR chart: the values, and once spc.xmr() has
enough points the mean and process limits, as a reports Chart (SVG with a
table and a sentence). Shared by the MAT standards and the language audit."""

import math
from dataclasses import dataclass

from pathfinder.evidence import spc
from pathfinder.reports.content import Chart, Series


@dataclass
class Trend:
    chart: Chart
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
    low: float = 0,
    high: float | None = None,
) -> Trend:
    """`values` oldest first. `lead` starts the chart's sentence; the SPC
    reading follows. `low`/`high` widen the scale to include the limits."""
    xmr = spc.xmr(values, direction=direction)
    series = [Series(series_label, [float(v) for v in values])]
    limits = xmr.limits
    if limits is not None:
        count = len(values)
        series += [
            Series("Mean", [limits.mean] * count),
            Series("Upper process limit", [limits.upper] * count),
            Series("Lower process limit", [limits.lower] * count),
        ]
        low = min(low, math.floor(limits.lower))
        if high is not None:
            high = max(high, math.ceil(limits.upper))
    chart = Chart(
        kind="lines",
        title=title,
        categories=categories,
        series=series,
        summary=f"{lead} {xmr.sentence}".strip(),
        min_value=low,
        max_value=high,
        value_label=value_label,
        category_label=category_label,
    )
    return Trend(chart=chart, spc=xmr)
