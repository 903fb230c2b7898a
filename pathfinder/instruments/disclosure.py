"""Disclosure control: the one gate every figure from anonymous survey answers
passes through before it reaches a page, a download or an API. Pure Python, no
Django.

Why: people answer staff surveys honestly only if nobody can tell what they
said. In a small service a figure about a handful of people is as good as a
name ("the two managers in the north team are unhappy"). So, following the
GP Patient Survey and ONS practice, Pathfinder's rule is:

- no result or breakdown from fewer than 10 respondents;
- counts of 1 to 4 are hidden, and enough other cells are hidden with them
  that a hidden count cannot be worked out from the total;
- percentages and means follow the same rule;
- no two filters (or any adding and subtracting of shown groups) may single out
  fewer than 10 people;
- the limits are settings that can only be raised, never lowered.

Every function returns either the figure or a `Hidden` saying, in plain
English, why it is not shown. Callers show `Hidden` as "not shown" and never
work round it (for example by computing a percentage from hidden counts).

How to use the gate for a results page:

1. Build every group the page's filters can produce (everyone, each filter
   value, each combination) and pass them all to `released_groups`, not only
   the one the viewer asked for. Which groups are safe depends on all the
   others: a group is only dangerous next to another one.
2. Figures are worked out from the people who gave them. If some people skipped
   a question, the groups for that question's figures are the people in each
   group who answered it (`restricted_to`); otherwise "everyone" minus
   "practitioners" could single out the three managers who answered.
3. Within a released group, pass each question's answer counts to
   `count_table`, percentages to `percentage`, averages to `mean`.

Figures about one question are released together (`question_figures`): the
table, its total, the percentages, the average and the "top two" share. Each
is a fact a reader can combine with the others, so a figure that would let a
reader pin down a hidden count (an average beside hidden cells, an average
near the end of a scale, a share on another base) is withheld. Every mean and
percentage is rounded here, the one way pages show them (`shown_mean`,
`shown_percent`), so the reasoning is about what people actually see.

Padding: whoever handed out printed codes, or was sent a code and can see
the results, may have answered themselves and knows those answers. Rules
`with_padding(n)` raise both limits by n, so every released figure still
rests on the full number of other people (see docs/privacy.md).

Count tables for two groups could be subtracted cell by cell, so the results
page shows tables only for everyone together and averages for groups.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean

# The floors written into Pathfinder's rule: settings may raise them, never lower them.
MIN_GROUP_FLOOR = 10
SMALL_COUNT_FLOOR = 4


@dataclass(frozen=True)
class Rules:
    """The limits. Built from settings; they can only be made stricter.

    min_group: the fewest respondents behind any released figure.
    small_count_max: counts from 1 up to this are hidden.
    """

    min_group: int = MIN_GROUP_FLOOR
    small_count_max: int = SMALL_COUNT_FLOOR

    def __post_init__(self):
        for name in ("min_group", "small_count_max"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be a whole number, not {value!r}")
        if self.min_group < MIN_GROUP_FLOOR:
            raise ValueError(
                f"min_group is {self.min_group}, but it can only be raised: no figure may come from fewer than "
                f"{MIN_GROUP_FLOOR} respondents"
            )
        if self.small_count_max < SMALL_COUNT_FLOOR:
            raise ValueError(
                f"small_count_max is {self.small_count_max}, but it can only be raised: counts from 1 to "
                f"{SMALL_COUNT_FLOOR} are always hidden"
            )
        if self.small_count_max >= self.min_group:
            raise ValueError(
                f"small_count_max ({self.small_count_max}) must be below min_group ({self.min_group}), "
                "or every count in a released group could be hidden"
            )

    def with_padding(self, known: int) -> Rules:
        """The rules when up to `known` answers may be known to a reader (their
        own, or ones given with codes they handed out): every limit rises by
        that many, so figures still rest on as many other people as before."""
        _check_count("known", known)
        return Rules(min_group=self.min_group + known, small_count_max=self.small_count_max + known)


DEFAULT = Rules()

# Means are shown to one decimal place and percentages as whole numbers,
# everywhere: the gate rounds, so the reasoning below is about what is shown.


def shown_mean(value: float) -> float:
    return float(f"{value:.1f}")


def shown_percent(value: float) -> float:
    return float(f"{value:.0f}")


@dataclass(frozen=True)
class Hidden:
    """A value that is not shown, and why (plain English, for the page).

    Show every hidden value the same way ("not shown", which is what str()
    gives) and explain the reasons once, beside the table. Labelling each cell
    with its own reason would say which hidden counts are the small ones and
    which were hidden to protect them, and that can give a small count away.
    """

    reason: str

    def __str__(self) -> str:
        return "not shown"


type Released[T] = T | Hidden

SMALL = Hidden("a small number")
WORKED_OUT = Hidden("hidden so a small number cannot be worked out")


def too_few(rules: Rules = DEFAULT) -> Hidden:
    return Hidden(f"fewer than {rules.min_group} responses")


def not_released(rules: Rules = DEFAULT) -> Hidden:
    return Hidden(f"fewer than {rules.min_group} people, or it could be worked out from other figures")


def is_hidden(value: object) -> bool:
    return isinstance(value, Hidden)


def _is_small(n: int, rules: Rules) -> bool:
    return 1 <= n <= rules.small_count_max


# Sizes, counts, percentages and means ------------------------------------------------------------


def group_size(n: int, rules: Rules = DEFAULT) -> Released[int]:
    """How many people are in a group: shown only when there are enough of them."""
    _check_count("n", n)
    return n if n >= rules.min_group else too_few(rules)


def count_table(
    counts: Mapping[str, int],
    rules: Rules = DEFAULT,
    *,
    total_known: bool = True,
    respondents: int | None = None,
) -> dict[str, Released[int]]:
    """How many people chose each answer, for one released group.

    `counts` maps each answer option, in the order the page lists them, to how
    many people chose it. Include every option, "don't know" too, so the cells
    add up to the total.

    `total_known`: True for a question with one answer per person, where the
    total is shown or can be worked out. False for a question where people may
    choose several options (the cells then have no meaningful total).
    `respondents`: the number of people behind the table (who answered this
    question). Without it the gate counts the table's total (one answer each)
    or, for several answers each, only as many people as it can be sure of.

    The rule, in order:
    1. Fewer than `min_group` people behind the table: every cell is hidden.
    2. A count of 1 to `small_count_max` is hidden ("a small number"). So is a
       count that leaves only a small number of people who did not choose it
       ("everyone but two" points at the two), as for percentages. Zero stays
       0: showing that nobody chose an option is allowed.
    3. With a known total, the hidden cells add up to the total minus the shown
       ones. Zeros are shown, so a reader also knows each hidden cell is at
       least 1. A hidden cell could therefore be worked out when it is the only
       hidden cell, or when the hidden cells are all ones (two hidden cells
       adding up to 2 must both be 1). While that is so, the smallest shown
       non-zero cell is hidden too (on a tie, the first in the mapping's
       order): "hidden so a small number cannot be worked out". Afterwards
       every hidden cell could be at least two different values.
    4. If every non-zero cell is hidden and they are still all ones (ten or
       more options, each chosen by exactly one person), the zeros are hidden
       as well. If there are no zeros, nothing can protect the table while
       its total is shown: `table_total` then hides the total.
    """
    cells, _total_safe = _protect(counts, rules, total_known=total_known, respondents=respondents)
    return cells


def table_total(counts: Mapping[str, int], rules: Rules = DEFAULT, *, respondents: int | None = None) -> Released[int]:
    """The total of a one-answer-per-person table, when it may be shown beside `count_table`."""
    _cells, total_safe = _protect(counts, rules, total_known=True, respondents=respondents)
    total = sum(counts.values())
    if not total_safe:
        return WORKED_OUT if total >= rules.min_group else too_few(rules)
    return total


def _protect(
    counts: Mapping[str, int], rules: Rules, *, total_known: bool, respondents: int | None
) -> tuple[dict[str, Released[int]], bool]:
    """The protected table, and whether its total may be shown beside it."""
    for key, n in counts.items():
        _check_count(f"the count for {key!r}", n)
    total = sum(counts.values())
    if respondents is not None:
        _check_count("respondents", respondents)
        biggest = total if total_known else max(counts.values(), default=0)
        if biggest > respondents:
            raise ValueError(f"{biggest} answers cannot come from {respondents} respondents")
        people = respondents
    else:
        people = total if total_known else max(counts.values(), default=0)
    if people < rules.min_group or (total_known and total < rules.min_group):
        return dict.fromkeys(counts, too_few(rules)), False

    whole = total if total_known else respondents
    hidden: dict[str, Hidden] = {}
    for key, n in counts.items():
        if _is_small(n, rules) or (whole is not None and _is_small(whole - n, rules)):
            hidden[key] = SMALL

    total_safe = True
    if total_known:
        while hidden and _could_be_worked_out([counts[key] for key in hidden]):
            shown = [key for key in counts if key not in hidden and counts[key] > 0]
            if not shown:
                hidden = dict.fromkeys(counts, WORKED_OUT) | hidden
                total_safe = any(n == 0 for n in counts.values())
                break
            hidden[min(shown, key=counts.__getitem__)] = WORKED_OUT
    return {key: hidden.get(key, n) for key, n in counts.items()}, total_safe


def _could_be_worked_out(hidden_counts: list[int]) -> bool:
    """Whether a reader who knows the total of these (non-zero) hidden cells can
    pin one of them down: a single cell, or cells that can only all be 1."""
    return len(hidden_counts) == 1 or sum(hidden_counts) == len(hidden_counts)


def percentage(part: int, whole: int, rules: Rules = DEFAULT) -> Released[float]:
    """`part` out of `whole` as a percentage, under the same rule as counts.

    Hidden when the whole is under `min_group`, when the part is a small number,
    or when the rest is (96% of 25 says one person disagreed)."""
    _check_count("part", part)
    _check_count("whole", whole)
    if part > whole:
        raise ValueError(f"part ({part}) is larger than whole ({whole})")
    if whole < rules.min_group:
        return too_few(rules)
    if _is_small(part, rules) or _is_small(whole - part, rules):
        return SMALL
    return shown_percent(100 * part / whole)


def mean(values: Iterable[float | None], rules: Rules = DEFAULT) -> Released[float]:
    """The average of the given values (None, meaning no answer, is left out).

    Hidden unless at least `min_group` people gave a value."""
    given = [value for value in values if value is not None]
    if len(given) < rules.min_group:
        return too_few(rules)
    return shown_mean(fmean(given))


def mean_of_totals(total: float, n: int, rules: Rules = DEFAULT) -> Released[float]:
    """The average of `n` values that add up to `total`, where only totals and
    counts were kept (each service's, say): under the same rule as `mean`."""
    _check_count("n", n)
    if n < rules.min_group:
        return too_few(rules)
    return shown_mean(total / n)


def share_at_least(values: Iterable[float | None], threshold: float, rules: Rules = DEFAULT) -> Released[float]:
    """The percentage of given values at or above `threshold` (None left out),
    under the percentage rule."""
    given = [value for value in values if value is not None]
    return percentage(sum(1 for value in given if value >= threshold), len(given), rules)


# One question's figures, released together --------------------------------------------------------

PINS = Hidden("hidden because, beside the other figures, it would point to a small number")


@dataclass(frozen=True)
class QuestionFigures:
    """Everything shown about one single-answer question for one group."""

    cells: dict[str, Released[int]]
    percents: dict[str, Released[float]]
    total: Released[int]
    mean: Released[float] | None
    share: Released[float] | None


def question_figures(
    counts: Mapping[str, int],
    rules: Rules = DEFAULT,
    *,
    values: Mapping[str, float | None] | None = None,
    share_of: Iterable[str] = (),
) -> QuestionFigures:
    """The table, percentages, total, average and share for one question with
    one answer per person, reasoned about together.

    `counts`: every option, in page order, to how many chose it.
    `values`: each option's number for the average (None: left out of the
    average, as "don't know" is). Without it, no average.
    `share_of`: options whose combined percentage is shown (e.g. the top two
    points of a scale), on the same base as the table.

    The table is protected as in `count_table`. Then each further figure is
    released only if, given every figure already released, each hidden cell
    could still be at least two different values (a reader tries every way to
    fill the hidden cells that matches what is shown). An average of 4.9 from
    ten people on a 1 to 5 scale, for example, says nine chose 5 and one chose 4,
    whatever the table hides; so it is withheld.
    """
    share_of = [key for key in share_of if key in counts]
    cells, total_safe = _protect(counts, rules, total_known=True, respondents=None)
    total = sum(counts.values())
    if total < rules.min_group or not total_safe:
        hidden = too_few(rules) if total < rules.min_group else WORKED_OUT
        return QuestionFigures(
            cells=dict(cells),
            percents=dict.fromkeys(counts, hidden),
            total=hidden,
            mean=None if values is None else hidden,
            share=None if not share_of else hidden,
        )
    percents = {
        key: cell if is_hidden(cell) else shown_percent(100 * counts[key] / total) for key, cell in cells.items()
    }
    hidden_keys = [key for key, cell in cells.items() if is_hidden(cell)]
    checks: list = []

    mean: Released[float] | None = None
    if values is not None:
        scored = {key: value for key, value in values.items() if value is not None and key in counts}
        people = sum(counts[key] for key in scored)
        if people < rules.min_group:
            mean = too_few(rules)
        else:
            candidate = shown_mean(sum(counts[key] * value for key, value in scored.items()) / people)

            def mean_matches(filled, scored=scored, candidate=candidate):
                n = sum(filled[key] for key in scored)
                return n > 0 and shown_mean(sum(filled[key] * v for key, v in scored.items()) / n) == candidate

            if _pins(counts, hidden_keys, [*checks, mean_matches]):
                mean = PINS
            else:
                mean = candidate
                checks.append(mean_matches)

    share: Released[float] | None = None
    if share_of:
        share = percentage(sum(counts[key] for key in share_of), total, rules)
        if not is_hidden(share):
            candidate_share = share

            def share_matches(filled, candidate=candidate_share):
                return shown_percent(100 * sum(filled[key] for key in share_of) / total) == candidate

            if _pins(counts, hidden_keys, [*checks, share_matches]):
                share = PINS
            else:
                checks.append(share_matches)
    return QuestionFigures(cells=dict(cells), percents=percents, total=total, mean=mean, share=share)


class _Settled(Exception):
    pass


def _pins(counts: Mapping[str, int], hidden_keys: list[str], checks: list, budget: int = 200_000) -> bool:
    """Whether a reader who sees the shown cells, the total and the figures that
    `checks` test could pin down one hidden cell: every way of filling the
    hidden cells that agrees with them gives that cell the same value. Errs on
    the safe side: if there are too many ways to try, it says yes."""
    if not hidden_keys:
        return False
    remaining = sum(counts[key] for key in hidden_keys)
    # Zeros are shown, so a hidden cell is at least 1, unless a zero was hidden too.
    lowest = 0 if any(counts[key] == 0 for key in hidden_keys) else 1
    filled = {key: n for key, n in counts.items()}
    seen: dict[str, set[int]] = {key: set() for key in hidden_keys}
    tried = 0

    def fill(index: int, left: int) -> None:
        nonlocal tried
        tried += 1
        if tried > budget:
            raise _Settled(True)
        key = hidden_keys[index]
        if index == len(hidden_keys) - 1:
            if left < lowest:
                return
            filled[key] = left
            if all(check(filled) for check in checks):
                for hidden_key in hidden_keys:
                    seen[hidden_key].add(filled[hidden_key])
                if all(len(values) >= 2 for values in seen.values()):
                    raise _Settled(False)
            return
        after = len(hidden_keys) - index - 1
        for n in range(lowest, left - lowest * after + 1):
            filled[key] = n
            fill(index + 1, left - n)

    try:
        fill(0, remaining)
    except _Settled as settled:
        return settled.args[0]
    return True


def _check_count(what: str, n: object) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"{what} must be a whole number of people, not {n!r}")


# Groups and filters --------------------------------------------------------------------------------


def released_groups[K: Hashable](groups: Mapping[K, frozenset], rules: Rules = DEFAULT) -> set[K]:
    """The groups whose figures may be shown, out of every group a page can produce.

    `groups` maps each group the page can produce to the respondents in it: the
    whole survey (under a key such as "all" or ()), each filter value, and each
    combination of filters. Pass them all, not just the one asked for.

    Why a large group is not enough: filters narrow a group, so two shown
    groups, one inside the other, give away the people in the first but not
    the second. If everyone (25) and the practitioners (20) are both shown,
    everyone's total minus the practitioners' total is the 5 managers'
    answers. Subtracting several groups does the same ("everyone" minus three
    roles leaves the fourth), and so can adding and subtracting groups that
    overlap. The groups a page can produce are closed under combining filters,
    so a determined reader can do all of this with the pages.

    The promise: whatever sums and differences (of any multiples) of the shown
    groups' figures a reader takes, the result concerns 0 people or at least
    `min_group` people. In particular: for two shown groups, one inside the
    other, the people in the larger and not the smaller number 0 or at least
    `min_group`; if everyone is shown, so do the people outside any shown
    group; and two keys for the same people may both be shown.

    How: groups are considered from largest to smallest (ties by repr(key)), so
    the broadest, most useful figures win. Sort people into boxes by which of
    the groups shown so far they are in: whatever a reader adds and subtracts
    treats everyone in a box alike. A group is shown if it has at least
    `min_group` people and one of these holds:

    (a) it cannot be pieced together from whole boxes to within `min_group`
        people (for each box it cuts, count the smaller side, plus its people
        in no box). Then anything a reader makes with it differs from
        anything made without it by at least that many people;
    (b) with it, every box holds at least `min_group` people, so anything a
        reader can make covers at least one whole box;
    (c) the groups already shown add and subtract to exactly it, so it gives
        away nothing new (checked with exact whole-number arithmetic).

    Otherwise it is hidden. Each step keeps the promise, so the whole set does.
    The answer depends only on the groups: not on what the viewer asked before,
    nor on the order of `groups`. It errs on the safe side: once the single
    filters have sorted people into small boxes, a combination of filters may
    be hidden even where an exhaustive (and much slower) search would find no
    way to single anyone out.
    """
    return _released(groups, None, rules)


def released_blocks[K: Hashable](
    groups: Mapping[K, frozenset], sizes: Mapping[Hashable, int], rules: Rules = DEFAULT
) -> set[K]:
    """`released_groups` for groups made of whole blocks of people that no group
    ever splits, such as services (every national filter takes a service's
    people all together or not at all): `groups` hold blocks, `sizes` gives each
    block's number of people. The answer is the one `released_groups` gives for
    the same groups written out person by person, without writing them out."""
    for block, size in sizes.items():
        _check_count(f"size of {block!r}", size)
    # A block of nobody is nobody: leave it out, as writing the people out would.
    groups = {key: frozenset(block for block in members if sizes.get(block, 0)) for key, members in groups.items()}
    return _released(groups, sizes, rules)


def _released[K](groups: Mapping[K, frozenset], sizes: Mapping[Hashable, int] | None, rules: Rules) -> set[K]:
    released: set[K] = set()
    decided: dict[frozenset, bool] = {}
    atoms, weights = _atoms(groups, sizes)
    shown = _Shown(rules.min_group, weights)

    def people(key) -> int:
        return len(groups[key]) if sizes is None else sum(sizes.get(block, 0) for block in groups[key])

    for key in _largest_first(groups, people):
        if people(key) < rules.min_group:
            continue
        members = atoms[key]
        if members not in decided:
            decided[members] = shown.admit(members)
        if decided[members]:
            released.add(key)
    return released


def _atoms[K](
    groups: Mapping[K, frozenset], sizes: Mapping[Hashable, int] | None = None
) -> tuple[dict[K, frozenset], dict[int, int]]:
    """Each group as the "atoms" it holds, and each atom's number of people.

    An atom is everyone who is in exactly the same groups. Whatever a reader
    adds and subtracts treats everyone in an atom alike, so the gate can reason
    about atoms, each weighing its number of people, and reach the same answer
    as over the people themselves, much faster when there are many people and
    few ways to tell them apart (the national view: thousands of people, a few
    hundred services)."""
    keys = list(groups)
    signature: dict[Hashable, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        for person in groups[key]:
            signature[person].append(index)
    atom_of: dict[tuple, int] = {}
    weights: dict[int, int] = {}
    held: list[list[int]] = [[] for _ in keys]
    for person, indexes in signature.items():
        found = tuple(indexes)
        atom = atom_of.get(found)
        if atom is None:
            atom = atom_of[found] = len(atom_of)
            weights[atom] = 0
            for index in indexes:
                held[index].append(atom)
        weights[atom] += 1 if sizes is None else sizes.get(person, 0)
    return {key: frozenset(held[index]) for index, key in enumerate(keys)}, weights


def release_breakdown[K: Hashable](
    groups: Mapping[K, frozenset], chosen: K, rules: Rules = DEFAULT
) -> Released[frozenset]:
    """The chosen group's members, if its figures may be shown; `groups` must be
    every group the page can produce (see `released_groups`)."""
    if chosen not in groups:
        raise ValueError(f"{chosen!r} is not among the groups the page can produce; pass them all")
    if chosen in released_groups(groups, rules):
        return frozenset(groups[chosen])
    return not_released(rules)


def restricted_to[K: Hashable](groups: Mapping[K, frozenset], people: Iterable) -> dict[K, frozenset]:
    """Each group narrowed to `people`, such as those who answered one question,
    so the figures for that question can be checked with `released_groups`."""
    keep = frozenset(people)
    return {key: frozenset(members) & keep for key, members in groups.items()}


def _largest_first[K](groups: Mapping[K, frozenset], people=None) -> list[K]:
    """Largest first (by `people(key)`, or the number of members); ties by
    repr(key), then (for keys that print alike) by members."""
    printed = Counter(repr(key) for key in groups)
    people = people or (lambda key: len(groups[key]))

    def order(key):
        alike = sorted(map(repr, groups[key])) if printed[repr(key)] > 1 else []
        return (-people(key), repr(key), alike)

    return sorted(groups, key=order)


class _Shown:
    """The groups shown so far: the boxes they sort people into, and the sums and
    differences they give away (independent rows, in reduced form, exact)."""

    def __init__(self, min_group: int, weights: Mapping[Hashable, int]):
        self.min_group = min_group
        self.weights = weights  # each atom's number of people (see _atoms)
        self.box_of: dict[Hashable, int] = {}  # atom -> its box
        self.box_size: list[int] = []  # box -> its number of people
        self.rows: dict[Hashable, dict[Hashable, int]] = {}  # leading atom -> row

    def admit(self, members: frozenset) -> bool:
        weights, box_of = self.weights, self.box_of
        newcomers: list = []  # in no box yet
        cut: dict[int, list] = defaultdict(list)  # box -> its atoms among the members
        for atom in members:
            box = box_of.get(atom)
            if box is None:
                newcomers.append(atom)
            else:
                cut[box].append(atom)
        fresh = sum(weights[atom] for atom in newcomers)
        apart = fresh  # people who must differ from anything made of whole boxes
        smallest = fresh if newcomers else math.inf  # the smallest box there would be
        pieces = []
        for box, atoms in cut.items():
            inside = sum(weights[atom] for atom in atoms)
            outside = self.box_size[box] - inside
            apart += min(inside, outside)
            smallest = min(smallest, inside, outside or math.inf)
            pieces.append((box, atoms, inside, outside))
        untouched = (size for box, size in enumerate(self.box_size) if box not in cut)
        every_box_large = min(smallest, min(untouched, default=math.inf)) >= self.min_group
        if apart >= self.min_group or every_box_large:
            self._add(members)
            for box, atoms, inside, outside in pieces:
                if outside:  # the box splits: its atoms among the members make a new one
                    self.box_size[box] = outside
                    self._new_box(atoms, inside)
            if newcomers:
                self._new_box(newcomers, fresh)
            return True
        return apart == 0 and not self._reduce(dict.fromkeys(members, 1))

    def _new_box(self, atoms: list, size: int) -> None:
        box = len(self.box_size)
        self.box_size.append(size)
        for atom in atoms:
            self.box_of[atom] = box

    def _reduce(self, vector: dict[Hashable, int]) -> dict[Hashable, int]:
        """What is left of `vector` after taking away every shown combination."""
        for lead, row in self.rows.items():
            b = vector.get(lead)
            if b:
                vector = _combine(vector, row[lead], row, b)
        return vector

    def _add(self, members: frozenset) -> None:
        row = self._reduce(dict.fromkeys(members, 1))
        if not row:
            return
        lead = next(iter(row))
        for other, existing in self.rows.items():
            b = existing.get(lead)
            if b:
                self.rows[other] = _combine(existing, row[lead], row, b)
        self.rows[lead] = row


def _combine(vector: dict[Hashable, int], a: int, row: dict[Hashable, int], b: int) -> dict[Hashable, int]:
    """a * vector - b * row, without zeros, divided by the entries' common factor."""
    result = {person: a * value for person, value in vector.items()}
    for person, value in row.items():
        result[person] = result.get(person, 0) - b * value
    result = {person: value for person, value in result.items() if value}
    divisor = math.gcd(*result.values()) if result else 1
    return {person: value // divisor for person, value in result.items()} if divisor > 1 else result
