"""Percentages and means follow the same rule as counts."""

from statistics import fmean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure
from pathfinder.instruments.disclosure import Hidden, Rules, shown_mean, shown_percent

FAST = settings(max_examples=200, database=None, deadline=None)
rules_strategy = st.one_of(
    st.just(disclosure.DEFAULT),
    st.integers(10, 20).flatmap(lambda m: st.builds(Rules, st.just(m), st.integers(4, m - 1))),
)


@FAST
@given(st.integers(0, 60).flatmap(lambda whole: st.tuples(st.integers(0, whole), st.just(whole))), rules_strategy)
def test_it_shows_a_percentage_only_from_enough_people_and_no_small_numbers(part_whole, rules):
    part, whole = part_whole
    value = disclosure.percentage(part, whole, rules)
    small = range(1, rules.small_count_max + 1)
    should_hide = whole < rules.min_group or part in small or whole - part in small
    assert isinstance(value, Hidden) == should_hide
    if not should_hide:
        assert value == shown_percent(100 * part / whole)


@FAST
@given(st.integers(0, 60).flatmap(lambda whole: st.tuples(st.integers(0, whole), st.just(whole))))
def test_it_agrees_with_the_count_table_for_a_yes_or_no_question(part_whole):
    part, whole = part_whole
    shown = disclosure.count_table({"yes": part, "no": whole - part})
    assert isinstance(shown["yes"], Hidden) == isinstance(disclosure.percentage(part, whole), Hidden)


@FAST
@given(st.lists(st.one_of(st.none(), st.floats(1, 5), st.integers(1, 5).map(float)), max_size=40), rules_strategy)
def test_it_shows_a_mean_only_from_enough_answers(values, rules):
    given_values = [value for value in values if value is not None]
    value = disclosure.mean(values, rules)
    assert isinstance(value, Hidden) == (len(given_values) < rules.min_group)
    if not isinstance(value, Hidden):
        assert value == shown_mean(fmean(given_values))


@FAST
@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=40), st.integers(1, 5), rules_strategy)
def test_it_shows_a_share_under_the_percentage_rule(values, threshold, rules):
    given_values = [value for value in values if value is not None]
    at_least = sum(1 for value in given_values if value >= threshold)
    assert disclosure.share_at_least(values, threshold, rules) == disclosure.percentage(
        at_least, len(given_values), rules
    )


def test_it_hides_a_percentage_whose_rest_is_a_small_number():
    assert disclosure.percentage(24, 25) == disclosure.SMALL  # 96% says one person disagreed
    assert disclosure.percentage(25, 25) == 100.0
    assert disclosure.percentage(0, 25) == 0.0
    assert disclosure.percentage(20, 25) == 80.0


def test_it_refuses_an_impossible_percentage():
    with pytest.raises(ValueError):
        disclosure.percentage(11, 10)
    with pytest.raises(ValueError):
        disclosure.percentage(-1, 10)
