"""Differencing: no combination of shown groups singles out fewer than 10 people.

The attacker here has every figure the pages show for every released group
and adds and subtracts them, as a reader with a spreadsheet would."""

import itertools
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure
from pathfinder.instruments.disclosure import Hidden

FAST = settings(max_examples=150, database=None, deadline=None)
MIN = disclosure.DEFAULT.min_group

ATTRIBUTES = {
    "role": ["practitioner", "manager", "admin", "peer"],
    "area": ["north", "south", "community"],
    "partner": ["yes", "no"],
}


def producible_groups(people: dict[int, dict[str, str]]) -> dict[tuple, frozenset]:
    """Every group the filters can make: everyone (), each value, each pair and triple."""
    groups = {(): frozenset(people)}
    for size in (1, 2, 3):
        for names in itertools.combinations(ATTRIBUTES, size):
            for values in itertools.product(*(ATTRIBUTES[name] for name in names)):
                key = tuple(zip(names, values, strict=True))
                groups[key] = frozenset(p for p, about in people.items() if all(about[n] == v for n, v in key))
    return groups


@st.composite
def populations(draw):
    """0 to 60 respondents. Each population leans its own way (one role may be
    nearly everyone, another nearly no one), so that small groups and groups
    just short of everyone both turn up."""
    size = draw(st.integers(0, 60))
    leanings = {
        name: draw(st.lists(st.sampled_from(values), min_size=1, max_size=3)) + values
        for name, values in ATTRIBUTES.items()
    }
    people = draw(
        st.lists(
            st.fixed_dictionaries({name: st.sampled_from(choices) for name, choices in leanings.items()}),
            min_size=size,
            max_size=size,
        )
    )
    return dict(enumerate(people))


# The attacker's tools ------------------------------------------------------------------------------


def distinct_released(groups, released):
    return sorted({groups[key] for key in released}, key=lambda members: (-len(members), sorted(members)))


def boxes(sets):
    """People sorted by which of `sets` they are in (people in none left out)."""
    found: dict[tuple, set] = {}
    for who in set().union(*sets) if sets else set():
        found.setdefault(tuple(who in members for members in sets), set()).add(who)
    return list(found.items())


def null_space(rows, width):
    """A basis of the vectors every row is orthogonal to (exact, Fractions).
    A vector is a combination of the rows exactly when it is orthogonal to all of these."""
    reduced: list[list[Fraction]] = []
    pivots: list[int] = []
    for row in rows:
        row = [Fraction(x) for x in row]
        for pivot_row, column in zip(reduced, pivots, strict=True):
            if row[column]:
                factor = row[column]
                row = [x - factor * y for x, y in zip(row, pivot_row, strict=True)]
        column = next((i for i, x in enumerate(row) if x), None)
        if column is None:
            continue
        row = [x / row[column] for x in row]
        for index, other in enumerate(reduced):
            if other[column]:
                factor = other[column]
                reduced[index] = [x - factor * y for x, y in zip(other, row, strict=True)]
        reduced.append(row)
        pivots.append(column)
    basis = []
    for free in (i for i in range(width) if i not in pivots):
        vector = [Fraction(0)] * width
        vector[free] = Fraction(1)
        for pivot_row, column in zip(reduced, pivots, strict=True):
            vector[column] = -pivot_row[free]
        basis.append(vector)
    return basis


def in_span(target, basis_of_null_space):
    return all(sum(t * v for t, v in zip(target, vector, strict=True)) == 0 for vector in basis_of_null_space)


def assert_no_attack_works(groups, released):
    shown = distinct_released(groups, released)
    # Every released group has at least MIN people.
    assert all(len(members) >= MIN for members in shown)
    # Nested pairs: the people in the larger and not the smaller are 0 or at least MIN.
    for larger, smaller in itertools.permutations(shown, 2):
        if smaller < larger:
            assert len(larger - smaller) >= MIN, (sorted(larger), sorted(smaller))
    # A minus several disjoint released groups inside it (e.g. everyone minus three roles).
    for larger in shown:
        inside = [members for members in shown if members < larger]
        for count in (2, 3, 4):
            for parts in itertools.combinations(inside, count):
                if sum(map(len, parts)) == len(frozenset().union(*parts)):  # pairwise disjoint
                    left = larger - frozenset().union(*parts)
                    assert len(left) == 0 or len(left) >= MIN, (sorted(larger), [sorted(p) for p in parts])
    if not shown:
        return
    # Linear algebra on the boxes: what any sums and differences of released totals can reveal
    # is constant on each box, so work with one column per box.
    found = boxes(shown)
    rows = [[1 if signature[index] else 0 for signature, _ in found] for index in range(len(shown))]
    null = null_space(rows, len(found))
    # No box, or pair of boxes, of fewer than MIN people can be isolated: in particular no one person.
    for size in (1, 2):
        for chosen in itertools.combinations(range(len(found)), size):
            if sum(len(found[i][1]) for i in chosen) < MIN:
                target = [1 if i in chosen else 0 for i in range(len(found))]
                assert not in_span(target, null), [sorted(found[i][1]) for i in chosen]
    # Small families: every way of adding and subtracting released groups covers 0 or at least MIN people.
    if len(shown) <= 6:
        for signs in itertools.product((-1, 0, 1), repeat=len(shown)):
            weights = [sum(sign * row[i] for sign, row in zip(signs, rows, strict=True)) for i in range(len(found))]
            covered = sum(len(people) for (_, people), weight in zip(found, weights, strict=True) if weight)
            assert covered == 0 or covered >= MIN, signs


def individual_answers_recoverable(groups, released, answers):
    """The attacker's sums for every released group, and whether any one person's
    answer can be solved for from them (exactly, by linear algebra)."""
    shown = distinct_released(groups, released)
    people = sorted(answers)
    totals = [sum(answers[p] for p in members) for members in shown]
    assert all(isinstance(total, int) for total in totals)
    rows = [[1 if p in members else 0 for p in people] for members in shown]
    null = null_space(rows, len(people))
    # Person p's answer is a combination of the totals exactly when e_p is a combination of the rows.
    return [p for index, p in enumerate(people) if rows and all(vector[index] == 0 for vector in null)]


# Hypothesis: random populations ---------------------------------------------------------------------


@FAST
@given(populations())
def test_it_lets_no_combination_of_filters_single_out_fewer_than_ten_people(people):
    groups = producible_groups(people)
    released = disclosure.released_groups(groups)
    assert released <= set(groups)
    assert_no_attack_works(groups, released)


@FAST
@given(populations(), st.randoms(use_true_random=False))
def test_it_keeps_every_answer_out_of_reach_of_sums_and_differences(people, rng):
    groups = producible_groups(people)
    released = disclosure.released_groups(groups)
    answers = {p: rng.randint(1, 5) for p in people}
    assert individual_answers_recoverable(groups, released, answers) == []


@FAST
@given(populations(), st.sampled_from([10, 12, 15]))
def test_it_keeps_the_promise_for_raised_thresholds(people, min_group):
    rules = disclosure.Rules(min_group=min_group)
    groups = producible_groups(people)
    released = disclosure.released_groups(groups, rules)
    shown = distinct_released(groups, released)
    assert all(len(members) >= min_group for members in shown)
    for larger, smaller in itertools.permutations(shown, 2):
        if smaller < larger:
            assert len(larger - smaller) >= min_group


# Worked examples ------------------------------------------------------------------------------------


def team(**sizes):
    """Consecutive respondent numbers for each named group, plus "all"."""
    groups, start = {}, 0
    for name, size in sizes.items():
        groups[name] = frozenset(range(start, start + size))
        start += size
    return {"all": frozenset(range(start))} | groups


def test_it_hides_practitioners_when_everyone_minus_them_is_five_managers():
    groups = team(practitioner=20, manager=5)
    assert len(groups["all"]) == 25
    assert disclosure.released_groups(groups) == {"all"}
    # The attack it prevents: everyone's total minus the practitioners' total is the managers'.
    answers = {p: random.Random(p).randint(1, 5) for p in groups["all"]}
    sums = {name: sum(answers[p] for p in members) for name, members in groups.items()}
    assert sums["all"] - sums["practitioner"] == sum(answers[p] for p in groups["manager"])


def test_it_hides_the_role_that_everyone_minus_three_roles_would_give_away():
    groups = team(practitioner=12, manager=12, admin=11, peer=5)
    # Pairwise, everyone minus any one role is 28 or more; together the three leave the five peers.
    assert disclosure.released_groups(groups) == {"all", "practitioner", "manager"}


def test_it_hides_a_group_that_two_unrelated_groups_would_give_away():
    everyone = frozenset(range(40))
    groups = {"all": everyone, "north": frozenset(range(20)), "partner": frozenset(range(24, 40))}
    # Neither group is inside the other, but everyone - north - partner is 4 people.
    assert disclosure.released_groups(groups) == {"all", "north"}


def test_it_shows_groups_that_the_others_already_add_up_to():
    groups = team(practitioner=15, manager=15, admin=15)
    groups["not admin"] = groups["practitioner"] | groups["manager"]
    assert disclosure.released_groups(groups) == {"all", "practitioner", "manager", "admin", "not admin"}


def test_it_shows_two_names_for_the_same_people():
    groups = team(practitioner=15, manager=15)
    groups[(("role", "practitioner"),)] = groups["practitioner"]
    assert disclosure.released_groups(groups) == set(groups)


def test_it_shows_filters_that_cut_across_each_other():
    people = {n: {"role": ["practitioner", "manager"][n % 2], "area": ["north", "south"][n // 20]} for n in range(40)}
    groups = {(): frozenset(people)}
    for name in ("role", "area"):
        for value in {about[name] for about in people.values()}:
            groups[((name, value),)] = frozenset(p for p, about in people.items() if about[name] == value)
    assert disclosure.released_groups(groups) == set(groups)


def test_it_releases_the_chosen_breakdown_only_when_safe():
    groups = team(practitioner=20, manager=5)
    assert disclosure.release_breakdown(groups, "all") == groups["all"]
    hidden = disclosure.release_breakdown(groups, "practitioner")
    assert isinstance(hidden, Hidden)
    assert hidden.reason == "fewer than 10 people, or it could be worked out from other figures"
    with pytest.raises(ValueError, match="pass them all"):
        disclosure.release_breakdown(groups, "area")


def test_it_checks_each_question_with_the_people_who_answered_it():
    groups = team(practitioner=15, manager=10)
    assert disclosure.released_groups(groups) == {"all", "practitioner", "manager"}
    # Only 3 managers answered one question: everyone's answers minus the
    # practitioners' would be those 3 managers' answers.
    answered = groups["practitioner"] | frozenset(sorted(groups["manager"])[:3])
    assert disclosure.released_groups(disclosure.restricted_to(groups, answered)) == {"all"}


def test_it_finds_no_leak_in_a_larger_survey():
    rng = random.Random(7)
    people = {n: {name: rng.choice(values) for name, values in ATTRIBUTES.items()} for n in range(200)}
    groups = producible_groups(people)
    released = disclosure.released_groups(groups)
    assert {(("role", "practitioner"),), (("area", "north"),), ()} <= released
    assert_no_attack_works(groups, released)
