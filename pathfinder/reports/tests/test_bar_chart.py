"""Horizontal grouped bars: lengths in proportion, values and series names at
the bar ends, a legend for several series, and a marker where there is no value."""

import pytest

from pathfinder.reports.charts import render_svg
from pathfinder.reports.content import Chart, Series
from pathfinder.reports.svg import text_width
from pathfinder.reports.tests.conftest import scores_chart
from pathfinder.reports.tests.svg_helpers import SVG, find_all, parse, texts


def one_series(values, **changes) -> Chart:
    fields = {"categories": [f"Theme {n}" for n in range(1, len(values) + 1)], "series": [Series("Round 1", values)]}
    return scores_chart(**{**fields, **changes})


def bar_widths(chart: Chart) -> list[float]:
    return [float(bar.get("width")) for bar in find_all(parse(render_svg(chart)), "rect", "pf-chart__bar")]


def test_it_draws_bars_in_proportion_to_their_values():
    two, four = bar_widths(one_series([2, 4]))
    assert two > 0
    assert four == pytest.approx(2 * two, abs=0.2)


def test_it_scales_bars_to_the_maximum_value():
    (on_a_scale_to_4,) = bar_widths(one_series([4], max_value=4))
    (on_a_scale_to_8,) = bar_widths(one_series([4], max_value=8))
    assert on_a_scale_to_8 == pytest.approx(on_a_scale_to_4 / 2, abs=0.2)


def test_it_picks_a_round_maximum_when_none_is_given():
    chart = one_series([37, 81], max_value=None, value_suffix="%")
    labels = texts(parse(render_svg(chart)))
    assert "100%" in labels
    assert "120%" not in labels


def test_it_writes_each_value_at_the_end_of_its_bar():
    labels = texts(parse(render_svg(one_series([2.5, 1.75]))))
    assert "2.5" in labels and "1.75" in labels


def test_it_names_the_series_on_each_bar_and_in_a_legend_when_there_are_several():
    labels = texts(parse(render_svg(scores_chart())))
    assert "2 – Round 1" in labels
    assert "4 – Round 2" in labels
    assert labels.count("Round 1") == 1  # the legend
    assert labels.count("Round 2") == 1


def test_it_has_no_legend_for_one_series():
    assert "Round 1" not in texts(parse(render_svg(one_series([1, 2]))))


def test_it_marks_a_missing_value_instead_of_drawing_a_bar():
    root = parse(render_svg(one_series([2, None])))
    assert len(find_all(root, "rect", "pf-chart__bar")) == 1
    (marker,) = find_all(root, "rect", "pf-chart__no-value")
    assert float(marker.get("width")) < 10
    assert "no value" in texts(root)


def test_it_names_the_series_of_a_missing_value_when_there_are_several():
    assert "no value – Round 1" in texts(parse(render_svg(scores_chart())))


def test_it_wraps_long_category_names_onto_more_lines():
    name = "Cultural, historical and gender issues in the way the service is run"
    labels = texts(parse(render_svg(one_series([1], categories=[name]))))
    assert name not in labels
    assert " ".join(label for label in labels if label in name) == name


def test_it_draws_all_series_in_different_colours():
    root = parse(render_svg(scores_chart()))
    colours = {bar.get("fill") for bar in find_all(root, "rect", "pf-chart__bar")}
    assert len(colours) == 2


def test_it_draws_an_empty_chart_without_failing():
    root = parse(render_svg(scores_chart(categories=[], series=[])))
    assert find_all(root, "rect", "pf-chart__bar") == []


def test_it_shortens_long_series_names_to_keep_labels_inside_the_chart():
    long_name = "Round 2, after the implementation group's first full year of meetings"
    chart = scores_chart(series=[Series("Round 1", [1, 2, 3]), Series(long_name, [2, 3, 4])])
    root = parse(render_svg(chart))
    ends = [node for node in root.iter(SVG + "text") if (node.text or "").startswith("4 – ")]
    (label,) = ends
    assert label.text.endswith("…")
    assert float(label.get("x")) + text_width(label.text, 14) <= 700
