"""The national filters and the disclosure gate, across services (no database)."""

from collections import Counter
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure
from pathfinder.national import gate, survey_results
from pathfinder.national import services as national_services


def facts(i, board, adp, area, size, named):
    return gate.ServiceFacts(id=i, board=board, adp=adp, area=area, size=size, named=named)


service = st.tuples(
    st.sampled_from([1, 2, None]),
    st.sampled_from([10, 11, None]),
    st.sampled_from(["island", "rural", "urban", ""]),
    st.sampled_from(["small", "medium", "large"]),
    st.booleans(),
    st.integers(min_value=0, max_value=14),  # people
)


def build(specs):
    services = [facts(i, *spec[:5]) for i, spec in enumerate(specs)]
    people = {i: range(spec[5]) for i, spec in enumerate(specs)}
    return services, people


def members(services, key):
    return {s.id for s in services if all(w is None or w == h for w, h in zip(key, s.values(), strict=True))}


def test_every_key_of_a_service_holds_it():
    s = facts(1, 1, 10, "rural", "small", False)
    keys = gate.keys_of(s)
    assert len(keys) == 16 and gate.EVERYONE in keys and (1, 10, "rural", "small") in keys
    assert len(gate.keys_of(facts(2, None, None, "", "small", False))) == 2


def test_tokens_stand_for_three_services():
    assert gate.TOKENS * 3 >= disclosure.MIN_GROUP_FLOOR > gate.TOKENS * 2


def test_a_lone_unnamed_service_is_not_released_but_three_are():
    services = [facts(i, 1, None, "", "medium", False) for i in range(3)] + [facts(9, 2, None, "", "medium", False)]
    released = gate.released_service_groups(services)
    # Everyone comes first; board 1 (3) beside everyone (4) would single out board 2's one service.
    assert gate.EVERYONE in released
    assert (1, None, None, None) not in released and (2, None, None, None) not in released
    services += [facts(i, 2, None, "", "medium", False) for i in (10, 11)]
    released = gate.released_service_groups(services)
    assert {gate.EVERYONE, (1, None, None, None), (2, None, None, None)} <= released


def test_named_services_may_be_alone():
    services = [facts(1, 1, None, "", "small", True), facts(2, 2, None, "", "small", False)]
    released = gate.released_service_groups(services)
    assert (1, None, None, None) in released  # only the named one
    assert (2, None, None, None) not in released and gate.EVERYONE not in released


@settings(max_examples=150, deadline=None)
@given(st.lists(service, min_size=1, max_size=9))
def test_no_released_service_figure_isolates_fewer_than_three_unnamed(specs):
    services, _ = build(specs)
    named = {s.id for s in services if s.named}
    released = gate.released_service_groups(services)
    groups = gate.service_groups(services)
    for key in released:
        assert groups[key] == members(services, key)
        unnamed = groups[key] - named
        assert not unnamed or len(unnamed) >= gate.MIN_SERVICES
    # One released group's figures less another's: what is left is about none, or
    # at least three services that are not named (named ones can be taken away too).
    for a, b in combinations(released, 2):
        left = (groups[a] - named) ^ (groups[b] - named)
        assert not left or len(left) >= gate.MIN_SERVICES


@settings(max_examples=150, deadline=None)
@given(st.lists(service, min_size=1, max_size=9))
def test_no_filter_sequence_releases_a_people_figure_from_fewer_than_the_threshold(specs):
    services, people = build(specs)
    groups = gate.people_groups(services, people)
    released = gate.released_people_groups(groups)
    rules = disclosure.DEFAULT
    # The page takes each service's people as one block (training coverage, staff surveys): the same answer.
    sizes = Counter({service_id: len(list(persons)) for service_id, persons in people.items()})
    by_service = gate.service_groups(services)
    assert national_services._released_by_level(by_service, {"level": sizes})["level"] == released
    assert {key for key in by_service if survey_results.Gates(by_service).released(key, dict(sizes), rules)} == released
    for key in released:
        assert len(groups[key]) >= rules.min_group
    for a, b in combinations(released, 2):
        left = groups[a] ^ groups[b]
        assert not left or len(left) >= rules.min_group
