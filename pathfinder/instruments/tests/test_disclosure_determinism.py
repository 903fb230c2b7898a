"""Determinism: the same groups give the same answer, whatever order they come
in and whatever was asked before."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure

FAST = settings(max_examples=150, database=None, deadline=None)

keys = st.one_of(
    st.just("all"),
    st.tuples(st.sampled_from(["role", "area"]), st.sampled_from(["a", "b", "c"])),
    st.text("xyz", min_size=1, max_size=3),
)
members = st.frozensets(st.sampled_from([f"person {n}" for n in range(45)]), max_size=45)
group_maps = st.dictionaries(keys, members, max_size=12)


def reordered(groups, seed):
    items = list(groups.items())
    random.Random(seed).shuffle(items)
    # Rebuild every member set too, from a shuffled list, so its internal order differs.
    rebuilt = {}
    for key, people in items:
        people = list(people)
        random.Random(seed + 1).shuffle(people)
        rebuilt[key] = frozenset(people)
    return rebuilt


@FAST
@given(group_maps, st.integers(0, 10_000))
def test_it_gives_the_same_groups_whatever_order_they_come_in(groups, seed):
    assert disclosure.released_groups(groups) == disclosure.released_groups(reordered(groups, seed))


@FAST
@given(group_maps)
def test_it_gives_the_same_answer_whatever_was_asked_before(groups):
    first = disclosure.released_groups(groups)
    for key in sorted(groups, key=repr):
        disclosure.release_breakdown(groups, key)
    assert disclosure.released_groups(groups) == first
    for key in groups:
        shown = disclosure.release_breakdown(groups, key)
        assert (shown == groups[key]) == (key in first)


@FAST
@given(st.lists(st.one_of(st.integers(0, 6), st.integers(0, 30)), min_size=1, max_size=8))
def test_it_hides_the_same_cells_every_time(values):
    counts = {f"option {n}": value for n, value in enumerate(values)}
    assert disclosure.count_table(counts) == disclosure.count_table(dict(counts))


def test_it_breaks_ties_between_equal_groups_by_their_names():
    everyone = frozenset(range(30))
    # Either group alone is fine; together, a's total minus z's is person 0's answer minus
    # person 15's, so only the first by name shows.
    groups = {"z": frozenset(range(1, 16)), "a": frozenset(range(15)), "all": everyone}
    assert disclosure.released_groups(groups) == {"all", "a"}
    assert disclosure.released_groups(dict(reversed(list(groups.items())))) == {"all", "a"}
