"""Limits and icons only from 13 points (Making Data Count's single-chart tool)."""

from pathfinder.evidence import spc
from pathfinder.evidence.spc import Reading


def test_it_has_no_limits_at_twelve_points_and_asks_for_one_more():
    chart = spc.xmr([12, 10] * 6, direction="higher", target=5)
    assert chart.limits is None
    assert chart.points_needed == 1
    assert chart.reading is Reading.NOT_ENOUGH_DATA
    assert chart.variation is None and chart.assurance is None
    assert chart.sentence.startswith("Not enough data yet: 1 more point is needed")
    assert [p.moving_range for p in chart.points][:3] == [None, 2, 2]


def test_it_has_limits_and_icons_at_thirteen_points():
    chart = spc.xmr([*[12, 10] * 6, 12], direction="higher", target=5)
    assert chart.limits is not None
    assert chart.points_needed == 0
    assert chart.reading is Reading.NO_SIGNIFICANT_CHANGE
    assert chart.assurance is not None


def test_it_flags_nothing_in_a_short_series_even_when_it_looks_like_a_signal():
    chart = spc.xmr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    assert not any(point.special_cause for point in chart.points)


def test_it_says_how_many_points_an_empty_series_needs():
    chart = spc.xmr([])
    assert chart.points_needed == 13
    assert "13 more points are needed" in chart.sentence
