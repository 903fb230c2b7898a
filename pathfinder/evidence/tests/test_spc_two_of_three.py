"""Signal 2: two of three consecutive points beyond 2 sigma on one side,
beyond-3-sigma points included (Making Data Count, November 2023)."""

from pathfinder.evidence.spc import Side

from .series import LOWER_NEAR, UPPER_NEAR, chart, flagged


def test_it_flags_the_two_points_beyond_two_sigma_but_not_the_one_between():
    assert flagged(chart([15, 11, 15]), "two_of_three") == {14: Side.HIGH, 16: Side.HIGH}


def test_it_flags_three_in_a_row_below():
    assert flagged(chart([7, 7, 7]), "two_of_three") == {14: Side.LOW, 15: Side.LOW, 16: Side.LOW}


def test_it_counts_a_point_beyond_three_sigma_as_beyond_two():
    # 17 is beyond the upper limit (16.32) as well; before November 2023 (and in
    # NHSRplotthedots, issue #194) only points between 2 and 3 sigma counted, so
    # this pair would not be a signal and point 17 (index 16) would be common cause.
    result = chart([17, 11, 15])
    assert flagged(result, "two_of_three") == {14: Side.HIGH, 16: Side.HIGH}
    assert flagged(result, "beyond_limit") == {14: Side.HIGH}
    assert result.points[-1].special_cause


def test_it_counts_two_points_beyond_three_sigma():
    assert flagged(chart([18, 17]), "two_of_three") == {14: Side.HIGH, 15: Side.HIGH}


def test_it_does_not_pair_points_on_opposite_sides():
    assert flagged(chart([15, 11, 7]), "two_of_three") == {}


def test_it_does_not_count_points_two_apart_beyond_the_window():
    assert flagged(chart([15, 11, 11, 15]), "two_of_three") == {}


def test_it_does_not_count_a_point_exactly_on_the_two_sigma_line():
    assert flagged(chart([UPPER_NEAR, 11, UPPER_NEAR]), "two_of_three") == {}
    assert flagged(chart([LOWER_NEAR, LOWER_NEAR]), "two_of_three") == {}
