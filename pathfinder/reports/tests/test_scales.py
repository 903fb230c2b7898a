"""Axes run between round numbers."""

import pytest

from pathfinder.reports.scales import LinearScale, nice_step, ticks, value_domain


@pytest.mark.parametrize(("span", "step"), [(4, 1), (100, 20), (10, 2), (1, 0.2), (12, 2.5), (0, 1)])
def test_it_picks_a_round_step(span, step):
    assert nice_step(span) == pytest.approx(step)


def test_it_ticks_from_the_minimum_to_the_maximum():
    assert ticks(0, 4) == [0, 1, 2, 3, 4]
    assert ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert ticks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1]


def test_it_uses_the_given_range():
    assert value_domain([1, 2, None], 0, 4) == (0, 4)


def test_it_rounds_up_to_a_round_maximum_when_none_is_given():
    assert value_domain([37, 81], 0, None) == (0, 100)
    assert value_domain([2.2], 0, None) == (0, 2.5)


def test_it_widens_the_range_to_show_every_value():
    assert value_domain([-2, 5], 0, 4) == (-2, 5)


def test_it_copes_with_no_values():
    assert value_domain([None, None], 0, None) == (0, 1)
    assert value_domain([], 3, 3) == (3, 4)


def test_it_maps_values_to_positions_within_the_range():
    scale = LinearScale(0, 4, 100, 500)
    assert scale(0) == 100
    assert scale(2) == 300
    assert scale(9) == 500  # kept inside the plot


def test_it_maps_upwards_for_a_vertical_axis():
    scale = LinearScale(0, 100, 300, 100)
    assert scale(75) == 150
