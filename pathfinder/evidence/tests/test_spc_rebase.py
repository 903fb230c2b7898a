"""Rebasing at a point a person chose: new limits from there on, signals and
moving ranges never across the rebase; never done automatically."""

import pytest

from pathfinder.evidence import spc
from pathfinder.evidence.spc import Reading

from .series import BASE

HIGHER = [22, 20] * 7  # mean 21, mean moving range 2


def test_it_never_rebases_by_itself():
    chart = spc.xmr([*BASE, *HIGHER])
    assert len(chart.segments) == 1
    assert any(point.shift for point in chart.points)


def test_it_calculates_new_limits_from_the_rebase():
    chart = spc.xmr([*BASE, *HIGHER], rebase_at=[14])
    first, second = chart.segments
    assert (first.start, first.end, first.mean, first.mean_moving_range) == (0, 14, 11, 2)
    assert (second.start, second.end, second.mean, second.mean_moving_range) == (14, 28, 21, 2)
    assert chart.points[14].moving_range is None and chart.points[14].segment == 1
    assert not any(point.special_cause for point in chart.points)
    assert chart.reading is Reading.NO_SIGNIFICANT_CHANGE


def test_it_does_not_run_a_trend_across_a_rebase():
    # Four rises at the end of the first segment, three at the start of the second.
    first = [*BASE[:10], 10, 10.5, 11, 11.5, 12]
    second = [12.5, 13, 13.5, *[12, 13] * 5]
    assert any(p.trend for p in spc.xmr([*first, *second]).points)
    assert not any(p.trend for p in spc.xmr([*first, *second], rebase_at=[15]).points)


def test_it_says_how_many_points_are_needed_since_the_rebase():
    chart = spc.xmr([*BASE, 22, 20, 22, 20, 22], rebase_at=[14])
    assert chart.segments[0] is not None and chart.segments[1] is None
    assert chart.points_needed == 8
    assert chart.reading is Reading.NOT_ENOUGH_DATA
    assert "8 more points are needed since the limits were recalculated at point 15" in chart.sentence


@pytest.mark.parametrize(
    ("rebase_at", "message"),
    [
        ([10], "leaves only 10 points before it"),
        ([0], "not possible"),
        ([28], "not possible"),
        ([20, 14], "not possible"),
        ([1.5], "whole number"),
    ],
)
def test_it_refuses_a_rebase_it_cannot_honour(rebase_at, message):
    with pytest.raises(ValueError, match=message):
        spc.xmr([*BASE, *HIGHER], rebase_at=rebase_at)
