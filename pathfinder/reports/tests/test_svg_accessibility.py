"""Every chart is an accessible, self-contained SVG that our strict CSP allows."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.reports.charts import render_svg
from pathfinder.reports.content import Series
from pathfinder.reports.tests.conftest import scores_chart, wellbeing_chart
from pathfinder.reports.tests.svg_helpers import SVG, parse

HOSTILE = '</svg><script>alert("x")</script><b style="color:red" onload="x()">&amp;'
charts = pytest.mark.parametrize("make_chart", [scores_chart, wellbeing_chart], ids=["bars", "lines"])


@charts
def test_it_is_labelled_by_its_title_and_described_by_its_summary(make_chart):
    chart = make_chart()
    root = parse(render_svg(chart, id_prefix="assessment"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "assessment-title assessment-desc"
    assert root.find(SVG + "title").get("id") == "assessment-title"
    assert root.find(SVG + "title").text == chart.title
    assert root.find(SVG + "desc").get("id") == "assessment-desc"
    assert root.find(SVG + "desc").text == chart.summary


@charts
def test_it_scales_with_its_container(make_chart):
    root = parse(render_svg(make_chart()))
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert root.get("viewBox").startswith("0 0 700 ")


@charts
def test_it_has_no_styles_scripts_or_event_handlers(make_chart):
    root = parse(render_svg(make_chart(title=HOSTILE, summary=HOSTILE)))
    for node in root.iter():
        assert node.tag not in (SVG + "style", SVG + "script", "style", "script")
        assert "style" not in node.attrib
        assert not any(name.startswith("on") for name in node.attrib)


@charts
def test_it_escapes_hostile_text(make_chart):
    chart = make_chart(
        title=HOSTILE,
        summary=HOSTILE,
        categories=[HOSTILE, *make_chart().categories[1:]],
        series=[Series(HOSTILE, series.values) for series in make_chart().series],
        value_label=HOSTILE,
    )
    svg = render_svg(chart, id_prefix='x" onload="alert(1)')
    assert "<script" not in svg
    root = parse(svg)
    assert root.find(SVG + "title").text == HOSTILE
    assert root.get("aria-labelledby") == "x-onload-alert-1-title x-onload-alert-1-desc"


def test_it_gives_each_render_its_own_ids():
    first = parse(render_svg(scores_chart(), id_prefix="first"))
    second = parse(render_svg(scores_chart(), id_prefix="second"))
    ids = [node.get("id") for root in (first, second) for node in root.iter() if node.get("id")]
    assert len(ids) == 4
    assert len(set(ids)) == 4


def test_it_makes_up_unique_ids_when_given_no_prefix():
    first, second = parse(render_svg(scores_chart())), parse(render_svg(scores_chart()))
    assert first.find(SVG + "title").get("id") != second.find(SVG + "title").get("id")


def test_it_starts_ids_with_a_letter():
    assert parse(render_svg(scores_chart(), id_prefix="42")).find(SVG + "title").get("id") == "chart-42-title"


def test_it_can_leave_out_the_visible_title():
    root = parse(render_svg(scores_chart(title="Scores by theme"), show_title=False))
    assert "Scores by theme" not in [text.text for text in root.iter(SVG + "text")]
    assert root.find(SVG + "title").text == "Scores by theme"


def test_it_uses_readable_text_sizes():
    root = parse(render_svg(wellbeing_chart()))
    sizes = [float(node.get("font-size")) for node in root.iter() if node.get("font-size")]
    assert min(sizes) >= 14


@settings(max_examples=40, deadline=None, database=None)
@given(title=st.text(), category=st.text(), name=st.text())
def test_it_is_always_well_formed(title, category, name):
    for make_chart in (scores_chart, wellbeing_chart):
        base = make_chart()
        chart = make_chart(
            title=title,
            categories=[category, *base.categories[1:]],
            series=[Series(name, series.values) for series in base.series],
        )
        root = parse(render_svg(chart))
        assert root.find(SVG + "desc").text == base.summary
