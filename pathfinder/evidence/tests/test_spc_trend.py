"""Signal 4: a trend of 7 or more points each higher (or lower) than the one
before; a tie (a repeated value) breaks it."""

from pathfinder.evidence.spc import Side

from .series import chart, flagged

# BASE ends on 10 at index 13; 10 again at index 14 is a tie, so the trend starts at 14.


def test_it_does_not_call_six_rising_points_a_trend():
    assert flagged(chart([10, 10.5, 11, 11.5, 12, 12.5]), "trend") == {}


def test_it_flags_all_seven_points_of_a_rising_trend():
    assert flagged(chart([10, 10.5, 11, 11.5, 12, 12.5, 13]), "trend") == {i: Side.HIGH for i in range(14, 21)}


def test_it_includes_the_point_the_trend_starts_from():
    # No tie this time: 10 at index 13 then six rises. Index 13 is part of the trend.
    assert flagged(chart([10.5, 11, 11.5, 12, 12.5, 13]), "trend") == {i: Side.HIGH for i in range(13, 20)}


def test_it_flags_a_falling_trend_as_low():
    assert flagged(chart([12, 11.5, 11, 10.5, 10, 9.5, 9]), "trend") == {i: Side.LOW for i in range(14, 21)}


def test_it_breaks_a_trend_at_a_tie():
    # Seven different rising values, but 11 is repeated: runs of 3 and 5 points.
    assert flagged(chart([10, 10.5, 11, 11, 11.5, 12, 12.5, 13]), "trend") == {}


def test_it_does_not_flag_a_tie_with_no_rises():
    assert flagged(chart([10] * 8), "trend") == {}
