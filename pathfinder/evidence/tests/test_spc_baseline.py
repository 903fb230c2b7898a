"""A fixed baseline: the first N points set the limits."""

import pytest

from pathfinder.evidence import spc

from .series import BASE


def test_it_keeps_the_baseline_limits_whatever_follows():
    fixed = spc.xmr([*BASE, *[15] * 10], baseline=14)
    assert fixed.limits.mean == 11 and fixed.limits.mean_moving_range == 2
    assert fixed.limits.baseline_points == 14 and fixed.limits.complete
    moving = spc.xmr([*BASE, *[15] * 10])
    assert moving.limits.mean > 11


def test_it_applies_the_baseline_limits_to_the_later_points():
    chart = spc.xmr([*BASE, 17], baseline=14)
    assert chart.points[-1].beyond_limit is not None


def test_it_says_when_the_baseline_is_not_yet_complete():
    chart = spc.xmr([*BASE, 12], baseline=20)
    assert chart.limits.baseline_points == 15
    assert not chart.limits.complete
    assert "first 15 points and may still change" in chart.sentence


@pytest.mark.parametrize("baseline", [0, 12, True, 13.0])
def test_it_refuses_a_baseline_shorter_than_thirteen_points(baseline):
    with pytest.raises(ValueError, match="A baseline needs at least 13 points"):
        spc.xmr(BASE, baseline=baseline)
