"""Signal 1: a point beyond a process limit (strictly)."""

from decimal import Decimal

from pathfinder.evidence.spc import Side

from .series import chart, flagged


def test_it_flags_a_point_above_the_upper_limit():
    assert flagged(chart([Decimal("16.33")]), "beyond_limit") == {14: Side.HIGH}


def test_it_flags_a_point_below_the_lower_limit():
    assert flagged(chart([Decimal("5.67")]), "beyond_limit") == {14: Side.LOW}


def test_it_does_not_flag_a_point_exactly_on_a_limit():
    assert flagged(chart([Decimal("16.32")]), "beyond_limit") == {}
    assert flagged(chart([Decimal("5.68")]), "beyond_limit") == {}
    assert not chart([Decimal("16.32")]).points[-1].special_cause
