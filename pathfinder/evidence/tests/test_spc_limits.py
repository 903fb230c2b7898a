"""Mean, moving ranges and limits, worked by hand (see series.py)."""

import pytest

from pathfinder.evidence import spc

from .series import BASE, LOWER, LOWER_NEAR, UPPER, UPPER_NEAR


def test_it_computes_the_mean_moving_range_and_limits():
    limits = spc.xmr(BASE).limits
    assert limits.mean == 11
    assert limits.mean_moving_range == 2
    assert limits.upper == pytest.approx(float(UPPER)) and limits.lower == pytest.approx(float(LOWER))
    assert limits.upper_near == pytest.approx(float(UPPER_NEAR))
    assert limits.lower_near == pytest.approx(float(LOWER_NEAR))
    assert limits.upper_near == pytest.approx(14.546666, abs=1e-5)


def test_it_gives_each_point_its_moving_range_and_none_to_the_first():
    chart = spc.xmr([5, 8, 6, 6, 9, 1, 4, 4, 4, 7, 3, 2, 10])
    assert [p.moving_range for p in chart.points] == [None, 3, 2, 0, 3, 8, 3, 0, 0, 3, 4, 1, 8]
    # 35 / 12 moving ranges; mean 69 / 13
    assert chart.limits.mean_moving_range == pytest.approx(35 / 12)
    assert chart.limits.mean == pytest.approx(69 / 13)
    assert chart.limits.upper == pytest.approx(69 / 13 + 2.66 * 35 / 12)


def test_it_leaves_large_moving_ranges_in_unless_screening_is_asked_for():
    values = [10, 12, 10, 12, 10, 12, 10, 40, 10, 12, 10, 12, 10, 12]
    # moving ranges: eleven of 2 and two of 30: 82 / 13 = 6.31; 30 >= 3.267 x 6.31 = 20.6
    assert spc.xmr(values).limits.mean_moving_range == pytest.approx(82 / 13)
    assert spc.xmr(values, screen_moving_ranges=True).limits.mean_moving_range == 2


def test_it_uses_exact_arithmetic_for_decimals():
    from decimal import Decimal

    chart = spc.xmr([Decimal("0.1"), Decimal("0.3")] * 7)
    assert chart.limits.mean == pytest.approx(0.2)
    assert chart.limits.mean_moving_range == pytest.approx(0.2)
