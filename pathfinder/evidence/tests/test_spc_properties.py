"""Properties that hold for any series (hypothesis)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathfinder.evidence import spc
from pathfinder.evidence.spc import Direction, Side

series = st.lists(st.integers(-1000, 1000), max_size=40)
SWAP = {Side.HIGH: Side.LOW, Side.LOW: Side.HIGH, None: None}
SIGNALS = ("beyond_limit", "two_of_three", "shift", "trend")


def flags(chart):
    return [tuple(getattr(point, name) for name in SIGNALS) for point in chart.points]


@given(series, st.integers(-(10**6), 10**6))
def test_it_shifts_the_mean_and_limits_but_not_the_signals(values, constant):
    before = spc.xmr(values, direction="higher", target=0)
    after = spc.xmr([v + constant for v in values], direction="higher", target=constant)
    assert flags(after) == flags(before)
    assert (after.variation, after.assurance, after.reading) == (before.variation, before.assurance, before.reading)
    if before.limits:
        for name in ("mean", "upper", "lower", "upper_near", "lower_near"):
            assert getattr(after.limits, name) == pytest.approx(getattr(before.limits, name) + constant)
        assert after.limits.mean_moving_range == pytest.approx(before.limits.mean_moving_range)


@given(series, st.integers(1, 1000))
def test_it_keeps_the_signals_when_the_scale_changes(values, factor):
    assert flags(spc.xmr([v * factor for v in values])) == flags(spc.xmr(values))


@given(series, st.integers(-1000, 1000))
def test_it_mirrors_when_values_and_direction_are_turned_round(values, target):
    up = spc.xmr(values, direction=Direction.HIGHER, target=target)
    down = spc.xmr([-v for v in values], direction=Direction.LOWER, target=-target)
    assert flags(down) == [tuple(SWAP[side] for side in row) for row in flags(up)]
    assert (down.reading, down.assurance) == (up.reading, up.assurance)


@given(series)
def test_it_orders_the_lines_and_asks_for_the_missing_points(values):
    chart = spc.xmr(values)
    assert chart.points_needed == max(0, 13 - len(values))
    assert len(chart.segments) == 1
    if chart.limits:
        limits = chart.limits
        assert limits.lower <= limits.lower_near <= limits.mean <= limits.upper_near <= limits.upper
    else:
        assert not any(point.special_cause for point in chart.points)


@given(st.integers(-1000, 1000), st.integers(13, 40))
def test_it_sees_nothing_special_in_a_constant_series(value, count):
    chart = spc.xmr([value] * count, direction="higher")
    assert not any(point.special_cause for point in chart.points)
    assert chart.reading is spc.Reading.NO_SIGNIFICANT_CHANGE
