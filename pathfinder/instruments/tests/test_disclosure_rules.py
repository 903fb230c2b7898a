"""The limits are settings that can only be raised."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure
from pathfinder.instruments.disclosure import Hidden, Rules

FAST = settings(max_examples=150, database=None, deadline=None)


@pytest.mark.parametrize("min_group", [9, 5, 0, -10])
def test_it_refuses_a_lower_threshold(min_group):
    with pytest.raises(ValueError, match="can only be raised"):
        Rules(min_group=min_group)


@pytest.mark.parametrize("small", [3, 0])
def test_it_refuses_a_lower_small_count_limit(small):
    with pytest.raises(ValueError, match="can only be raised"):
        Rules(small_count_max=small)


def test_it_refuses_a_small_count_limit_that_reaches_the_threshold():
    with pytest.raises(ValueError, match="must be below"):
        Rules(min_group=10, small_count_max=10)


@pytest.mark.parametrize("value", [10.5, "10", True, None])
def test_it_refuses_a_threshold_that_is_not_a_whole_number(value):
    with pytest.raises(TypeError):
        Rules(min_group=value)


def test_it_cannot_be_lowered_after_it_is_made():
    rules = Rules(min_group=15)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.min_group = 5
    with pytest.raises(ValueError):
        dataclasses.replace(rules, min_group=9)


def test_it_uses_a_raised_threshold():
    rules = Rules(min_group=15)
    assert disclosure.group_size(12, rules) == Hidden("fewer than 15 responses")
    assert disclosure.group_size(12) == 12
    assert isinstance(disclosure.mean([3.0] * 12, rules), Hidden)
    assert isinstance(disclosure.percentage(6, 12, rules), Hidden)
    assert all(isinstance(cell, Hidden) for cell in disclosure.count_table({"a": 6, "b": 6}, rules).values())
    everyone = frozenset(range(45))
    groups = {"all": everyone, "twelve": frozenset(range(12)), "twenty": frozenset(range(12, 32))}
    assert disclosure.released_groups(groups, rules) == {"all", "twenty"}
    assert disclosure.released_groups(groups) == {"all", "twelve", "twenty"}


def test_it_uses_a_raised_small_count_limit():
    rules = Rules(small_count_max=6)
    shown = disclosure.count_table({"a": 6, "b": 20, "c": 9}, rules)
    assert shown["a"] == disclosure.SMALL
    assert disclosure.count_table({"a": 6, "b": 20, "c": 9})["a"] == 6


@FAST
@given(st.integers(10, 40), st.data())
def test_it_never_releases_a_figure_below_any_allowed_threshold(min_group, data):
    rules = Rules(min_group=min_group, small_count_max=data.draw(st.integers(4, min_group - 1)))
    n = data.draw(st.integers(0, 60))
    assert isinstance(disclosure.group_size(n, rules), Hidden) == (n < min_group)
    assert isinstance(disclosure.mean([1.0] * n, rules), Hidden) == (n < min_group)
    if n < min_group:
        assert isinstance(disclosure.percentage(n // 2, n, rules), Hidden)
        assert all(isinstance(cell, Hidden) for cell in disclosure.count_table({"a": n}, rules).values())
