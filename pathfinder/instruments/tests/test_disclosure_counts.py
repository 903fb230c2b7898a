"""Counts: 1 to 4 hidden, with secondary suppression, so no hidden count can be
worked out from the total and the shown cells."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure
from pathfinder.instruments.disclosure import SMALL, WORKED_OUT, Hidden

FAST = settings(max_examples=200, database=None, deadline=None)
SMALL_MAX = disclosure.DEFAULT.small_count_max


def test_it_hides_counts_of_one_to_four_and_shows_zero_and_five_or_more():
    shown = disclosure.count_table({"a": 0, "b": 1, "c": 4, "d": 5, "e": 20}, total_known=False, respondents=40)
    assert shown == {"a": 0, "b": SMALL, "c": SMALL, "d": 5, "e": 20}


def test_it_hides_another_cell_when_one_hidden_count_could_be_worked_out():
    # Without c hidden too, b = 22 - 0 - 7 - 12 = 3.
    assert disclosure.count_table({"a": 0, "b": 3, "c": 7, "d": 12}) == {"a": 0, "b": SMALL, "c": WORKED_OUT, "d": 12}


def test_it_hides_the_first_of_equal_smallest_cells():
    assert disclosure.count_table({"a": 3, "b": 8, "c": 8, "d": 20}) == {"a": SMALL, "b": WORKED_OUT, "c": 8, "d": 20}


def test_it_hides_another_cell_when_the_hidden_cells_can_only_be_ones():
    # Two hidden cells adding up to 2 must both be 1, since zeros are shown.
    shown = disclosure.count_table({"a": 1, "b": 1, "c": 20, "d": 0, "e": 9})
    assert shown == {"a": SMALL, "b": SMALL, "c": 20, "d": 0, "e": WORKED_OUT}


def test_it_hides_a_count_that_leaves_only_a_few_people_out():
    # 21 of 25 says that four people answered otherwise, as 84% would.
    shown = disclosure.count_table({"agree": 21, "neutral": 2, "disagree": 2})
    assert all(isinstance(cell, Hidden) for cell in shown.values())
    assert disclosure.percentage(21, 25) == SMALL


def test_it_hides_everything_for_ten_people_who_each_chose_a_different_option():
    counts = {f"option {n}": 1 for n in range(10)} | {"nobody": 0}
    shown = disclosure.count_table(counts)
    assert all(isinstance(cell, Hidden) for cell in shown.values())
    assert disclosure.table_total(counts) == 10  # with a hidden zero, any cell could be 0, 1 or 2
    without_zeros = {f"option {n}": 1 for n in range(10)}
    assert all(isinstance(cell, Hidden) for cell in disclosure.count_table(without_zeros).values())
    assert disclosure.table_total(without_zeros) == WORKED_OUT


def test_it_hides_a_table_from_fewer_than_ten_people():
    assert disclosure.count_table({"a": 5, "b": 4}) == {"a": disclosure.too_few(), "b": disclosure.too_few()}
    several = disclosure.count_table({"a": 6, "b": 6}, total_known=False, respondents=9)
    assert all(isinstance(c, Hidden) for c in several.values())


def test_it_treats_several_answers_each_as_separate_yes_or_no_counts():
    # Each of 20 people may tick several options: no total, so no secondary suppression.
    shown = disclosure.count_table({"a": 3, "b": 12, "c": 17, "d": 0}, total_known=False, respondents=20)
    assert shown == {"a": SMALL, "b": 12, "c": SMALL, "d": 0}  # c: only 3 did not tick it


def test_it_counts_only_the_people_it_can_be_sure_of_without_respondents():
    assert all(isinstance(c, Hidden) for c in disclosure.count_table({"a": 9, "b": 8}, total_known=False).values())
    assert disclosure.count_table({"a": 10, "b": 8}, total_known=False) == {"a": 10, "b": 8}


@pytest.mark.parametrize(
    "counts, respondents", [({"a": -1, "b": 20}, None), ({"a": 2.5, "b": 20}, None), ({"a": 5, "b": 20}, 12)]
)
def test_it_refuses_impossible_counts(counts, respondents):
    with pytest.raises(ValueError):
        disclosure.count_table(counts, respondents=respondents)


# Hypothesis: any table ------------------------------------------------------------------------------

cells = st.lists(st.one_of(st.integers(0, 6), st.integers(0, 40)), min_size=1, max_size=8)


def table(values):
    return {f"option {n}": value for n, value in enumerate(values)}


def hidden_keys(shown):
    return [key for key, cell in shown.items() if isinstance(cell, Hidden)]


@FAST
@given(cells, st.booleans())
def test_it_only_ever_shows_zero_or_more_than_four_and_never_alters_a_count(values, total_known):
    counts = table(values)
    respondents = max(sum(values), max(values)) if total_known else max(values) + 3
    shown = disclosure.count_table(counts, total_known=total_known, respondents=respondents)
    assert list(shown) == list(counts)
    for key, cell in shown.items():
        if not isinstance(cell, Hidden):
            assert cell == counts[key]
            assert cell == 0 or cell > SMALL_MAX


@FAST
@given(cells)
def test_it_never_leaves_exactly_one_hidden_non_zero_cell_beside_a_known_total(values):
    counts = table(values)
    shown = disclosure.count_table(counts)
    hidden_non_zero = [key for key in hidden_keys(shown) if counts[key] > 0]
    if hidden_non_zero and not isinstance(disclosure.table_total(counts), Hidden):
        assert len(hidden_non_zero) >= 2


def possible_values(hidden_total, cells, lowest):
    """For each of `cells` hidden cells, values it could take when they add up to
    `hidden_total` and each is at least `lowest` (stops once each has two)."""
    seen = [set() for _ in range(cells)]

    def fill(position, left, chosen):
        if all(len(values) >= 2 for values in seen):
            return
        if position == cells - 1:
            if left >= lowest:
                for index, value in enumerate([*chosen, left]):
                    seen[index].add(value)
            return
        for value in range(lowest, left - lowest * (cells - position - 1) + 1):
            fill(position + 1, left - value, [*chosen, value])

    fill(0, hidden_total, [])
    return seen


@FAST
@given(st.lists(st.one_of(st.integers(0, 6), st.integers(0, 25)), min_size=1, max_size=6))
def test_it_leaves_a_reader_who_knows_the_total_unable_to_work_out_any_hidden_count(values):
    """The attack: knowing the total and every shown cell, list every way of
    filling the hidden cells. Zeros are shown, so a hidden cell is at least 1,
    unless the table had to hide its zeros too."""
    counts = table(values)
    shown = disclosure.count_table(counts)
    total = disclosure.table_total(counts)
    hidden = hidden_keys(shown)
    if not hidden or isinstance(total, Hidden):
        return  # nothing hidden, or the reader does not know the total
    lowest = 0 if any(counts[key] == 0 for key in hidden) else 1
    hidden_total = total - sum(cell for cell in shown.values() if not isinstance(cell, Hidden))
    assert hidden_total == sum(counts[key] for key in hidden)
    for key, values_it_could_be in zip(hidden, possible_values(hidden_total, len(hidden), lowest), strict=True):
        assert len(values_it_could_be) >= 2, (counts, shown, key)


@FAST
@given(cells, st.integers(0, 30))
def test_it_keeps_several_answers_each_within_the_same_rule(values, extra):
    counts = table(values)
    respondents = max(values) + extra
    shown = disclosure.count_table(counts, total_known=False, respondents=respondents)
    for key, cell in shown.items():
        if respondents < 10:
            assert isinstance(cell, Hidden)
        elif not isinstance(cell, Hidden):
            assert cell == 0 or cell > SMALL_MAX
            assert respondents - cell == 0 or respondents - cell > SMALL_MAX
        else:
            assert 1 <= counts[key] <= SMALL_MAX or 1 <= respondents - counts[key] <= SMALL_MAX


def test_it_passes_the_brute_force_check_on_a_known_leak():
    # The check itself catches a table that would give a count away.
    assert possible_values(2, 2, 1) == [{1}, {1}]
    assert possible_values(3, 3, 1) == [{1}, {1}, {1}]
    assert all(len(values) >= 2 for values in possible_values(9, 2, 1))
    assert all(len(values) >= 2 for values in possible_values(3, 3, 0))
