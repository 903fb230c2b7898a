"""Signal 3: a shift of 7 or more points on one side of the mean; a point
exactly on the mean breaks the run."""

from pathfinder.evidence.spc import Side

from .series import chart, flagged


def test_it_does_not_call_six_points_a_shift():
    assert flagged(chart([12] * 6), "shift") == {}


def test_it_flags_every_point_of_a_shift_of_seven():
    assert flagged(chart([12] * 7), "shift") == {i: Side.HIGH for i in range(14, 21)}


def test_it_flags_a_longer_shift_below():
    assert flagged(chart([9.5] * 9), "shift") == {i: Side.LOW for i in range(13, 23)}


def test_it_breaks_the_run_at_a_point_on_the_mean():
    # 3 above, one on the mean (11), 4 above: 7 above in all, but no run of 7.
    assert flagged(chart([12, 12, 12, 11, 12, 12, 12, 12]), "shift") == {}


def test_it_starts_a_new_run_after_a_point_on_the_mean():
    assert flagged(chart([12, 12, 12, 11, *[12] * 7]), "shift") == {i: Side.HIGH for i in range(18, 25)}
