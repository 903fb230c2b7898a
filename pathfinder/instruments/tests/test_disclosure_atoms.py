"""The gate reasons about "atoms" (everyone in exactly the same groups) instead
of people, for speed. This checks it gives exactly the answer of the plain
person-by-person reasoning it replaced, kept here as the reference."""

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure
from pathfinder.instruments.tests.test_disclosure_differencing import populations, producible_groups

FAST = settings(max_examples=200, database=None, deadline=None)


class ReferenceShown:
    """The gate's reasoning over people, as it was before atoms."""

    def __init__(self, min_group):
        self.min_group = min_group
        self.boxes = []
        self.covered = frozenset()
        self.rows = {}

    def admit(self, members):
        newcomers = members - self.covered
        boxes = [newcomers] if newcomers else []
        apart = len(newcomers)
        for box in self.boxes:
            inside, outside = box & members, box - members
            apart += min(len(inside), len(outside))
            boxes.extend(piece for piece in (inside, outside) if piece)
        every_box_large = min(len(box) for box in boxes) >= self.min_group
        if apart >= self.min_group or every_box_large:
            self._add(members)
            self.boxes = boxes
            self.covered |= members
            return True
        return apart == 0 and not self._reduce(dict.fromkeys(members, 1))

    def _reduce(self, vector):
        for lead, row in self.rows.items():
            b = vector.get(lead)
            if b:
                vector = combine(vector, row[lead], row, b)
        return vector

    def _add(self, members):
        row = self._reduce(dict.fromkeys(members, 1))
        if not row:
            return
        lead = next(iter(row))
        for other, existing in self.rows.items():
            b = existing.get(lead)
            if b:
                self.rows[other] = combine(existing, row[lead], row, b)
        self.rows[lead] = row


def combine(vector, a, row, b):
    result = {person: a * value for person, value in vector.items()}
    for person, value in row.items():
        result[person] = result.get(person, 0) - b * value
    result = {person: value for person, value in result.items() if value}
    divisor = math.gcd(*result.values()) if result else 1
    return {person: value // divisor for person, value in result.items()} if divisor > 1 else result


def reference_released(groups, rules=disclosure.DEFAULT):
    printed = Counter(repr(key) for key in groups)

    def order(key):
        alike = sorted(map(repr, groups[key])) if printed[repr(key)] > 1 else []
        return (-len(groups[key]), repr(key), alike)

    released, decided, shown = set(), {}, ReferenceShown(rules.min_group)
    for key in sorted(groups, key=order):
        members = frozenset(groups[key])
        if len(members) < rules.min_group:
            continue
        if members not in decided:
            decided[members] = shown.admit(members)
        if decided[members]:
            released.add(key)
    return released


@FAST
@given(populations())
def test_atoms_give_the_same_answer_as_people(people):
    groups = producible_groups(people)
    assert disclosure.released_groups(groups) == reference_released(groups)


@FAST
@given(populations(), st.integers(10, 16))
def test_atoms_give_the_same_answer_with_other_thresholds(people, min_group):
    rules = disclosure.Rules(min_group=min_group)
    groups = producible_groups(people)
    assert disclosure.released_groups(groups, rules) == reference_released(groups, rules)


@FAST
@given(st.lists(st.frozensets(st.integers(0, 40), max_size=40), min_size=1, max_size=12))
def test_atoms_give_the_same_answer_for_arbitrary_overlapping_groups(sets):
    groups = {index: members for index, members in enumerate(sets)}
    assert disclosure.released_groups(groups) == reference_released(groups)


@st.composite
def block_groups(draw):
    """Blocks of 0 to 15 people and groups that each take some blocks whole."""
    sizes = draw(st.dictionaries(st.integers(0, 12), st.integers(0, 15), min_size=1, max_size=12))
    blocks = sorted(sizes)
    groups = draw(
        st.dictionaries(
            st.integers(0, 30),
            st.frozensets(st.sampled_from(blocks)),
            min_size=1,
            max_size=16,
        )
    )
    return groups, sizes


@FAST
@given(block_groups())
def test_blocks_give_the_answer_of_the_people_written_out(case):
    groups, sizes = case
    people = {
        key: frozenset((block, n) for block in members for n in range(sizes[block])) for key, members in groups.items()
    }
    assert disclosure.released_blocks(groups, sizes) == reference_released(people), (groups, sizes)


def test_a_mean_of_totals_follows_the_mean_rule():
    assert str(disclosure.mean_of_totals(30.0, 9)) == "not shown"
    assert disclosure.mean_of_totals(35.0, 10) == 3.5
