"""Charts as accessible inline SVG, written by hand.

Why not Altair with vl-convert, as the architecture notes first planned? Its SVG
output uses inline style attributes, and our Content Security Policy
(style-src 'self', nothing inline) makes the browser ignore them, so the charts
would lose their styling. Hand-written SVG with presentation attributes
(fill=, stroke=, font-size=) is allowed by that policy, needs no script, and
keeps a third-party chart engine out of the product. The charts we need are
simple: horizontal grouped bars and lines.

Every chart:
- is role="img", labelled by its <title> and described by its <desc> (the summary);
- draws on white, in colours with at least 4.5:1 contrast (palette.py);
- writes values and series names as text, and gives each line its own marker
  shape, so colour is never the only cue;
- has the same data as a table (chart.table), which the page shows with it.
"""

import math
import re
import uuid

from pathfinder.reports.cells import format_number
from pathfinder.reports.content import Chart, Series
from pathfinder.reports.palette import (
    AXIS,
    GRIDLINE,
    NO_VALUE,
    SECONDARY_TEXT,
    TEXT,
    WHITE,
    marker_shape,
    series_colour,
)
from pathfinder.reports.scales import LinearScale, ticks, value_domain
from pathfinder.reports.svg import FONT_FAMILY, element, number, text_width, truncate, wrap

# The drawing is 700 units wide: at 700px every unit is a pixel, so 14 is 14px.
WIDTH = 700
PADDING = 16
TITLE_SIZE = 20
LABEL_SIZE = 16
SMALL_SIZE = 14
LINE_SPACING = 1.25

BAR_HEIGHT = 22
BAR_GAP = 4
GROUP_GAP = 14
NO_VALUE_TEXT = "no value"
# The most room kept for the labels at the ends of the bars.
END_LABEL_WIDTH = WIDTH * 0.3

PLOT_HEIGHT = 260
MARKER_SIZE = 6


def render_svg(chart: Chart, *, id_prefix: str = "", show_title: bool = True) -> str:
    """The chart as an <svg> string to put straight into a page or a PDF.

    id_prefix makes the ids inside unique on a page (a random one is used when
    it is left out). show_title=False leaves out the visible title, for when the
    page already has it as a heading or caption; the <title> is always there.
    """
    prefix = _id_prefix(id_prefix)
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    parts: list[str] = []
    y: float = PADDING
    if show_title:
        for line in wrap(chart.title, TITLE_SIZE, WIDTH - 2 * PADDING):
            y += TITLE_SIZE
            parts.append(_text(PADDING, y, line, size=TITLE_SIZE, weight="bold"))
            y += TITLE_SIZE * (LINE_SPACING - 1)
        y += 12
    if len(chart.series) > 1:
        legend, y = _legend(chart, y)
        parts.extend(legend)
    drawing, y = _bars(chart, y) if chart.kind == "bars" else _lines(chart, y)
    parts.extend(drawing)
    height = math.ceil(y + PADDING)
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": "100%",
            "role": "img",
            "aria-labelledby": f"{title_id} {desc_id}",
            "class": f"pf-chart pf-chart--{chart.kind}",
            "font-family": FONT_FAMILY,
            "font-size": LABEL_SIZE,
            "fill": TEXT,
        },
        children=[
            element("title", {"id": title_id}, text=chart.title),
            element("desc", {"id": desc_id}, text=chart.summary),
            # A white ground, so the colours' contrast holds on a grey page too.
            element("rect", {"width": WIDTH, "height": height, "fill": WHITE}),
            *parts,
        ],
    )


def _id_prefix(requested: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", requested).strip("-")
    if not cleaned:
        return f"chart-{uuid.uuid4().hex[:12]}"
    return cleaned if cleaned[0].isalpha() else f"chart-{cleaned}"


def _text(x, y, content, *, size=LABEL_SIZE, anchor="start", weight=None, fill=TEXT, italic=False) -> str:
    return element(
        "text",
        {
            "x": x,
            "y": y,
            "font-size": size if size != LABEL_SIZE else None,
            "text-anchor": anchor if anchor != "start" else None,
            "font-weight": weight,
            "font-style": "italic" if italic else None,
            "fill": fill if fill != TEXT else None,
        },
        text=content,
    )


def _value_text(chart: Chart, value: float) -> str:
    if chart.value_format == "money":
        pounds = f"£{value:,.2f}"
        return (pounds.removesuffix(".00") if float(value).is_integer() else pounds) + chart.value_suffix
    return format_number(value) + chart.value_suffix


# --- Legend -------------------------------------------------------------------------


def _legend(chart: Chart, top: float) -> tuple[list[str], float]:
    parts = []
    x, y = PADDING, top
    row_height = 26
    for index, series in enumerate(chart.series):
        name = truncate(series.name, SMALL_SIZE, WIDTH * 0.45)
        item_width = 32 + text_width(name, SMALL_SIZE) + 24
        if x > PADDING and x + item_width > WIDTH - PADDING:
            x, y = PADDING, y + row_height
        middle = y + 9
        if chart.kind == "bars":
            parts.append(
                element("rect", {"x": x, "y": middle - 8, "width": 16, "height": 16, "fill": series_colour(index)})
            )
        else:
            parts.append(_line_key(index, x, middle))
        parts.append(_text(x + 32, middle + 5, name, size=SMALL_SIZE))
        x += item_width
    return parts, y + row_height + 8


def _line_key(index: int, x: float, y: float) -> str:
    colour = series_colour(index)
    line = element("line", {"x1": x, "y1": y, "x2": x + 24, "y2": y, "stroke": colour, "stroke-width": 3})
    return line + _marker(marker_shape(index), x + 12, y, colour)


# --- Horizontal grouped bars --------------------------------------------------------


def _bars(chart: Chart, top: float) -> tuple[list[str], float]:
    low, high = value_domain(_all_values(chart), chart.min_value, chart.max_value)
    base = 0.0 if low <= 0 <= high else low
    several = len(chart.series) > 1
    end_labels = [[_bar_label(chart, series, value, several) for value in series.values] for series in chart.series]

    label_width = max(text_width(category, LABEL_SIZE) for category in chart.categories) if chart.categories else 0
    label_width = min(max(label_width, 60), WIDTH * 0.32)
    end_width = max((text_width(label, SMALL_SIZE) for row in end_labels for label in row), default=0) + 8
    end_width = min(end_width, END_LABEL_WIDTH)
    left = PADDING + label_width + 12
    right = WIDTH - PADDING - end_width
    scale = LinearScale(low, high, left, right)

    bars, labels = [], []
    y = top + 8
    bars_height = len(chart.series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    for index, category in enumerate(chart.categories):
        lines = wrap(category, LABEL_SIZE, label_width)
        text_height = len(lines) * LABEL_SIZE * LINE_SPACING
        group_height = max(bars_height, text_height)
        baseline = y + (group_height - text_height) / 2 + LABEL_SIZE
        for line in lines:
            labels.append(_text(PADDING + label_width, baseline, line, anchor="end"))
            baseline += LABEL_SIZE * LINE_SPACING
        bar_y = y + (group_height - bars_height) / 2
        for series_index, series in enumerate(chart.series):
            label = end_labels[series_index][index]
            bars.extend(_bar(scale, base, series.values[index], bar_y, series_colour(series_index), label))
            bar_y += BAR_HEIGHT + BAR_GAP
        y += group_height + GROUP_GAP
    plot_bottom = y - GROUP_GAP + 8

    grid = []
    for tick in ticks(low, high):
        x = scale(tick)
        grid.append(element("line", {"x1": x, "y1": top, "x2": x, "y2": plot_bottom, "stroke": GRIDLINE}))
        grid.append(_text(x, plot_bottom + 20, _value_text(chart, tick), size=SMALL_SIZE, anchor="middle"))
    axis_x = scale(base)
    axis = element(
        "line", {"x1": axis_x, "y1": top, "x2": axis_x, "y2": plot_bottom, "stroke": AXIS, "stroke-width": 2}
    )
    y = plot_bottom + 24
    if chart.value_label:
        # Centred under the plot, and wrapped so that it stays inside the drawing.
        middle = (left + right) / 2
        room = 2 * min(middle - PADDING, WIDTH - PADDING - middle)
        for line in wrap(chart.value_label, SMALL_SIZE, room):
            y += SMALL_SIZE * LINE_SPACING
            grid.append(_text(middle, y, line, size=SMALL_SIZE, anchor="middle"))
    return [*grid, *bars, axis, *labels], y


def _bar_label(chart: Chart, series: Series, value: float | None, several: bool) -> str:
    """The value, then the series name when there are several series (the
    name shortened to fit the space kept for labels at the ends of the bars)."""
    text = NO_VALUE_TEXT if value is None else _value_text(chart, value)
    if several:
        text += " – "
        text += truncate(series.name, SMALL_SIZE, END_LABEL_WIDTH - 8 - text_width(text, SMALL_SIZE))
    return text


def _bar(scale: LinearScale, base: float, value: float | None, y: float, colour: str, label: str) -> list[str]:
    text_y = y + BAR_HEIGHT / 2 + SMALL_SIZE * 0.35
    if value is None:
        x = scale(base)
        marker = {
            "x": x,
            "y": y + 4,
            "width": 6,
            "height": BAR_HEIGHT - 8,
            "fill": NO_VALUE,
            "class": "pf-chart__no-value",
        }
        return [
            element("rect", marker),
            _text(x + 12, text_y, label, size=SMALL_SIZE, fill=SECONDARY_TEXT, italic=True),
        ]
    start, end = scale(base), scale(value)
    rect = {"x": min(start, end), "y": y, "width": abs(end - start), "height": BAR_HEIGHT, "fill": colour}
    if end >= start:
        text = _text(end + 6, text_y, label, size=SMALL_SIZE)
    else:
        text = _text(end - 6, text_y, label, size=SMALL_SIZE, anchor="end")
    return [element("rect", {**rect, "class": "pf-chart__bar"}), text]


# --- Lines ----------------------------------------------------------------------------


def _lines(chart: Chart, top: float) -> tuple[list[str], float]:
    low, high = value_domain(_all_values(chart), chart.min_value, chart.max_value)
    tick_values = ticks(low, high)
    tick_labels = [_value_text(chart, tick) for tick in tick_values]
    names = [truncate(series.name, SMALL_SIZE, WIDTH * 0.22) for series in chart.series]

    left = PADDING + max(text_width(label, SMALL_SIZE) for label in tick_labels) + 10
    right = WIDTH - PADDING - (max((text_width(name, SMALL_SIZE) for name in names), default=0) + 16)
    parts = []
    y = top
    if chart.value_label:
        for line in wrap(chart.value_label, SMALL_SIZE, WIDTH - 2 * PADDING):
            y += SMALL_SIZE * LINE_SPACING
            parts.append(_text(PADDING, y, line, size=SMALL_SIZE))
    plot_top = y + 12
    plot_bottom = plot_top + PLOT_HEIGHT
    y_scale = LinearScale(low, high, plot_bottom, plot_top)
    slot = (right - left) / max(len(chart.categories), 1)

    def x_of(index: int) -> float:
        return left + slot * (index + 0.5)

    for tick, label in zip(tick_values, tick_labels, strict=True):
        tick_y = y_scale(tick)
        parts.append(element("line", {"x1": left, "y1": tick_y, "x2": right, "y2": tick_y, "stroke": GRIDLINE}))
        parts.append(_text(left - 8, tick_y + 5, label, size=SMALL_SIZE, anchor="end"))
    axis = {"x1": left, "y1": plot_bottom, "x2": right, "y2": plot_bottom, "stroke": AXIS, "stroke-width": 2}
    parts.append(element("line", axis))

    category_parts, labels_height = _category_labels(chart.categories, x_of, slot, plot_bottom + 22)
    parts.extend(category_parts)

    ends = []
    for index, series in enumerate(chart.series):
        colour, shape = series_colour(index), marker_shape(index)
        points = [(x_of(i), y_scale(v)) if v is not None else None for i, v in enumerate(series.values)]
        for run in _runs(points):
            if len(run) > 1:
                parts.append(_polyline(run, colour))
        for point in points:
            if point is not None:
                parts.append(_marker(shape, *point, colour))
        present = [point for point in points if point is not None]
        if present:
            ends.append((present[-1], names[index], colour))

    spread = _spread([point[1] for point, _, _ in ends], SMALL_SIZE + 4, plot_bottom)
    for ((x, _), name, colour), label_y in zip(ends, spread, strict=True):
        parts.append(_text(x + MARKER_SIZE + 6, label_y + 5, name, size=SMALL_SIZE, weight="bold", fill=colour))

    y = plot_bottom + 22 + labels_height
    if any(value is None for series in chart.series for value in series.values):
        y += SMALL_SIZE * LINE_SPACING + 10
        parts.append(_text(left, y, "A gap in a line means no value.", size=SMALL_SIZE, fill=SECONDARY_TEXT))
    return parts, y


def _category_labels(categories, x_of, slot: float, top: float) -> tuple[list[str], float]:
    """Labels under the x axis; when they are crowded, every second (or third…) one."""
    if not categories:
        return [], 0
    every = max(1, math.ceil(56 / slot))
    parts = []
    most_lines = 1
    for index, category in enumerate(categories):
        if index % every:
            continue
        lines = wrap(category, SMALL_SIZE, slot * every - 6)[:3]
        most_lines = max(most_lines, len(lines))
        for number_of_line, line in enumerate(lines):
            line_y = top + number_of_line * SMALL_SIZE * LINE_SPACING
            parts.append(_text(x_of(index), line_y, line, size=SMALL_SIZE, anchor="middle"))
    return parts, (most_lines - 1) * SMALL_SIZE * LINE_SPACING


def _runs(points):
    """Consecutive points with values, split wherever a value is missing."""
    run = []
    for point in points:
        if point is None:
            if run:
                yield run
            run = []
        else:
            run.append(point)
    if run:
        yield run


def _polyline(points, colour: str) -> str:
    return element(
        "polyline",
        {
            "points": " ".join(f"{number(x)},{number(y)}" for x, y in points),
            "fill": "none",
            "stroke": colour,
            "stroke-width": 3,
            "stroke-linejoin": "round",
            "class": "pf-chart__line",
        },
    )


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    size = MARKER_SIZE
    outline = {"fill": colour, "stroke": WHITE, "stroke-width": 1.5, "class": "pf-chart__marker"}
    if shape == "circle":
        return element("circle", {"cx": x, "cy": y, "r": size, **outline})
    if shape == "square":
        side = size * 1.7
        return element("rect", {"x": x - side / 2, "y": y - side / 2, "width": side, "height": side, **outline})
    if shape == "cross":
        d = size * 0.8
        path = f"M{number(x - d)} {number(y - d)}L{number(x + d)} {number(y + d)}"
        path += f"M{number(x - d)} {number(y + d)}L{number(x + d)} {number(y - d)}"
        return element(
            "path", {"d": path, "fill": "none", "stroke": colour, "stroke-width": 3, "class": "pf-chart__marker"}
        )
    corners = {
        "triangle": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
        "triangle-down": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
        "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
    }[shape]
    points = " ".join(f"{number(x + dx * size)},{number(y + dy * size)}" for dx, dy in corners)
    return element("polygon", {"points": points, **outline})


def _spread(positions: list[float], gap: float, bottom: float) -> list[float]:
    """Label positions (y, downwards) moved apart so that none is closer than
    `gap` to the next, and none is below `bottom`."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = dict.fromkeys(order, 0.0)
    previous = -math.inf
    for i in order:
        placed[i] = max(positions[i], previous + gap)
        previous = placed[i]
    following = bottom
    for i in reversed(order):
        placed[i] = min(placed[i], following)
        following = placed[i] - gap
    return [placed[i] for i in range(len(positions))]


def _all_values(chart: Chart) -> list[float | None]:
    return [value for series in chart.series for value in series.values]
