"""Lines: categories along the bottom, one line per series with its own marker
shape, gridlines from min_value to max_value, and gaps where there is no value."""

import itertools

from pathfinder.reports.charts import render_svg
from pathfinder.reports.content import Series
from pathfinder.reports.svg import text_width
from pathfinder.reports.tests.conftest import wellbeing_chart
from pathfinder.reports.tests.svg_helpers import SVG, find_all, parse, texts


def points(polyline) -> list[tuple[float, float]]:
    return [tuple(map(float, pair.split(","))) for pair in polyline.get("points").split()]


def test_it_labels_each_category_along_the_bottom():
    labels = texts(parse(render_svg(wellbeing_chart())))
    assert [label for label in labels if "2026" in label] == ["Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"]


def test_it_draws_gridlines_from_the_minimum_to_the_maximum():
    labels = texts(parse(render_svg(wellbeing_chart())))
    assert [label for label in labels if label.endswith("%")] == ["0%", "20%", "40%", "60%", "80%", "100%"]


def test_it_breaks_a_line_where_a_value_is_missing():
    root = parse(render_svg(wellbeing_chart()))
    lines = find_all(root, "polyline", "pf-chart__line")
    # Outreach team: 52, 55, (none), 61 → one line of two points and a lone marker.
    assert [len(points(line)) for line in lines] == [2, 4]
    assert "A gap in a line means no value." in texts(root)


def test_it_puts_higher_values_higher_up():
    root = parse(render_svg(wellbeing_chart()))
    recovery_hub = points(find_all(root, "polyline", "pf-chart__line")[1])
    heights = [y for _, y in recovery_hub]  # 60, 58, 63, 66: y grows downwards
    assert heights[1] > heights[0] > heights[2] > heights[3]


def test_it_gives_each_series_its_own_marker_shape():
    root = parse(render_svg(wellbeing_chart()))
    shapes = {node.tag.removeprefix(SVG) for node in root.iter() if "pf-chart__marker" in node.get("class", "")}
    assert shapes == {"circle", "rect"}


def test_it_names_each_line_at_its_end():
    labels = texts(parse(render_svg(wellbeing_chart())))
    # Once in the legend and once at the end of the line.
    assert labels.count("Outreach team") == 2
    assert labels.count("Recovery hub") == 2


def test_it_keeps_line_end_names_apart():
    chart = wellbeing_chart(series=[Series("A", [50, 50, 50, 50]), Series("B", [50, 50, 50, 50])])
    root = parse(render_svg(chart))
    ends = [float(node.get("y")) for node in root.iter(SVG + "text") if node.text in ("A", "B")][2:]
    assert abs(ends[0] - ends[1]) >= 14


def test_it_shows_a_single_category_as_points():
    chart = wellbeing_chart(categories=["Sep 2026"], series=[Series("Outreach team", [52])])
    root = parse(render_svg(chart))
    assert find_all(root, "polyline") == []
    assert len(find_all(root, "circle", "pf-chart__marker")) == 1


def test_it_labels_every_few_categories_when_there_are_many():
    months = [f"Month {n}" for n in range(1, 31)]
    chart = wellbeing_chart(categories=months, series=[Series("Outreach team", list(range(30)))])
    root = parse(render_svg(chart))
    shown = [node for node in root.iter(SVG + "text") if (node.text or "").startswith("Month")]
    assert 1 < len(shown) < 30
    positions = [float(node.get("x")) for node in shown]
    assert min(b - a for a, b in itertools.pairwise(positions)) >= 56


def test_it_wraps_a_long_value_label():
    label = "Share of staff who said they feel safe at work most or all of the time, in the last month " * 2
    root = parse(render_svg(wellbeing_chart(value_label=label.strip())))
    widths = [text_width(node.text, 14) for node in root.iter(SVG + "text") if (node.text or "") in label]
    assert len(widths) > 1
    assert max(widths) <= 700 - 32
