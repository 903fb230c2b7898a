"""One question's figures released together: a reader who combines the shown
cells, the total, the average and the top-two share can never pin down a
hidden count. The attacker here is written separately from the gate: it
tries every way of filling the hidden cells."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.instruments import disclosure
from pathfinder.instruments.disclosure import Rules, is_hidden, shown_mean, shown_percent

POINTS = ["1", "2", "3", "4", "5"]
VALUES = {"1": 1.0, "2": 2.0, "3": 3.0, "4": 4.0, "5": 5.0, "dk": None}


def consistent_fillings(figures, counts):
    """Every filling of the hidden cells that agrees with what is shown."""
    hidden = [key for key in counts if is_hidden(figures.cells[key])]
    known = {key: figures.cells[key] for key in counts if key not in hidden}
    left = figures.total - sum(known.values())
    lowest = 0 if any(counts[key] == 0 for key in hidden) else 1
    for filling in itertools.product(range(lowest, left + 1), repeat=len(hidden)):
        if sum(filling) != left:
            continue
        full = known | dict(zip(hidden, filling, strict=True))
        if figures.mean is not None and not is_hidden(figures.mean):
            scored = {k: v for k, v in VALUES.items() if v is not None and k in full}
            n = sum(full[k] for k in scored)
            if n == 0 or shown_mean(sum(full[k] * v for k, v in scored.items()) / n) != figures.mean:
                continue
        share_shown = figures.share is not None and not is_hidden(figures.share)
        if share_shown and shown_percent(100 * (full["4"] + full["5"]) / figures.total) != figures.share:
            continue
        yield dict(zip(hidden, filling, strict=True))


tables = st.fixed_dictionaries({key: st.integers(0, 9) for key in POINTS}) | st.fixed_dictionaries(
    {key: st.integers(0, 9) for key in [*POINTS, "dk"]}
)


@settings(max_examples=300, deadline=None)
@given(counts=tables)
def test_no_hidden_cell_can_be_pinned_from_the_released_figures(counts):
    values = {key: VALUES[key] for key in counts}
    figures = disclosure.question_figures(counts, Rules(), values=values, share_of=["4", "5"])
    for key, n in counts.items():
        if 1 <= n <= 4:
            assert is_hidden(figures.cells[key]), (counts, key)
    if is_hidden(figures.total):
        assert all(is_hidden(cell) for cell in figures.cells.values())
        return
    fillings = consistent_fillings(figures, counts)
    seen = {}
    for filling in fillings:
        for key, n in filling.items():
            seen.setdefault(key, set()).add(n)
    hidden = [key for key in counts if is_hidden(figures.cells[key])]
    assert all(len(seen.get(key, ())) >= 2 for key in hidden), (counts, figures)


def test_an_average_at_the_top_of_the_scale_is_withheld():
    counts = {"1": 0, "2": 0, "3": 0, "4": 1, "5": 9}
    figures = disclosure.question_figures(counts, values={k: VALUES[k] for k in counts}, share_of=["4", "5"])
    assert is_hidden(figures.mean)


def test_an_average_is_shown_when_the_hidden_cells_stay_uncertain():
    counts = {"1": 3, "2": 5, "3": 8, "4": 6, "5": 2, "dk": 1}
    figures = disclosure.question_figures(counts, values={k: VALUES[k] for k in counts}, share_of=["4", "5"])
    assert figures.mean == 3.0
    assert is_hidden(figures.share)  # 4 is shown, so a share of 4 and 5 would give 5's count


def test_padding_raises_every_limit():
    rules = Rules().with_padding(3)
    assert (rules.min_group, rules.small_count_max) == (13, 7)
    assert is_hidden(disclosure.mean([1.0] * 12, rules))
    assert disclosure.mean([1.0] * 13, rules) == 1.0
    assert is_hidden(disclosure.percentage(7, 20, rules))


def test_means_and_percentages_are_rounded_once_in_the_gate():
    assert disclosure.mean([1.0] * 9 + [2.0] * 3) == 1.2
    assert disclosure.percentage(5, 11) == 45.0
