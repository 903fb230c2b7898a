"""The issue's proof: with 9 respondents nothing is shown; with 10 it is."""

from pathfinder.instruments import disclosure
from pathfinder.instruments.disclosure import Hidden


def nine_or_ten(n):
    """n people who all answered a yes/no question, half and half as far as possible."""
    answers = [1.0] * (n // 2) + [3.0] * (n - n // 2)
    counts = {"yes": n // 2, "no": n - n // 2}
    return answers, counts


def test_it_shows_nothing_from_nine_respondents():
    answers, counts = nine_or_ten(9)
    assert isinstance(disclosure.group_size(9), Hidden)
    assert isinstance(disclosure.mean(answers), Hidden)
    assert isinstance(disclosure.percentage(counts["yes"], 9), Hidden)
    assert isinstance(disclosure.share_at_least(answers, 3), Hidden)
    assert all(isinstance(cell, Hidden) for cell in disclosure.count_table(counts, respondents=9).values())
    assert all(isinstance(cell, Hidden) for cell in disclosure.count_table(counts).values())
    assert isinstance(disclosure.table_total(counts), Hidden)
    assert disclosure.group_size(9).reason == "fewer than 10 responses"


def test_it_shows_figures_from_ten_respondents():
    answers, counts = nine_or_ten(10)
    assert disclosure.group_size(10) == 10
    assert disclosure.mean(answers) == 2.0
    assert disclosure.percentage(counts["yes"], 10) == 50.0
    assert disclosure.share_at_least(answers, 3) == 50.0
    assert disclosure.count_table(counts, respondents=10) == {"yes": 5, "no": 5}
    assert disclosure.table_total(counts) == 10


def test_it_hides_a_group_of_nine_among_others():
    everyone = frozenset(range(30))
    groups = {"all": everyone, "nine": frozenset(range(9)), "ten": frozenset(range(9, 19))}
    assert "nine" not in disclosure.released_groups(groups)
    assert "ten" in disclosure.released_groups(groups)


def test_it_ignores_missing_answers_when_counting_people():
    assert isinstance(disclosure.mean([4.0] * 9 + [None] * 5), Hidden)
    assert disclosure.mean([4.0] * 10 + [None] * 5) == 4.0


def test_it_says_not_shown():
    assert str(disclosure.group_size(3)) == "not shown"
