"""The results page's groups are made in one pass over the responses; they
must be exactly the groups the old way (every response checked once per
group) made."""

import itertools
import random

import pytest

from pathfinder.surveys.results import Filter, producible_groups


def groups_the_old_way(responses, filters):
    groups = {(): frozenset(rid for rid, _ in responses)}
    choices = [[(f.code, value) for value, _ in f.options] for f in filters]
    for size in (1, 2, 3):
        for dimensions in itertools.combinations(choices, size):
            for combination in itertools.product(*dimensions):
                key = tuple(sorted(combination))
                groups[key] = frozenset(
                    rid for rid, answers in responses if all(answers.get(code) == value for code, value in key)
                )
    return groups


FILTERS = [
    Filter("about.role", "Role", [("manager", "Manager"), ("practitioner", "Practitioner"), ("other", "Other")]),
    Filter("about.area", "Area", [("north", "North"), ("south", "South")]),
    Filter("about.organisation", "Organisation", [("nhs", "NHS"), ("council", "Council"), ("charity", "Charity")]),
]


def some_responses(rng, count):
    values = {f.code: [value for value, _ in f.options] + ["not-an-option", None] for f in FILTERS}
    responses = []
    for number in range(count):
        answers = {code: rng.choice(options) for code, options in values.items() if rng.random() < 0.8}
        answers = {code: value for code, value in answers.items() if value is not None}
        if rng.random() < 0.1:
            answers["about.area"] = ["north"]  # a stray list never matches a single choice
        responses.append((f"r{number}", answers))
    return responses


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("filter_count", [0, 1, 2, 3])
def test_it_makes_the_same_groups_as_before(seed, filter_count):
    rng = random.Random(seed)
    responses = some_responses(rng, rng.randint(0, 120))
    filters = FILTERS[:filter_count]
    new, old = producible_groups(responses, filters), groups_the_old_way(responses, filters)
    assert new == old
    assert list(new) == list(old)  # in the same order, too
