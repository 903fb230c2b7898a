"""A subscale's average rests on the people with a score; shown beside the item
averages, it must not be over a few people fewer than they are, or the two could
be set against each other to learn about those few."""

from pathlib import Path

from pathfinder.instruments import disclosure
from pathfinder.instruments.definition import parse
from pathfinder.surveys import results

MEASURE = parse((Path(__file__).parents[2] / "workforce/definitions/example-licensed-measure.yaml").read_text())


def person(n, *, all_three=True):
    answers = {"example.item_1": 3, "example.item_2": 4, "example.item_4": 2, "example.item_5": 2, "example.item_6": 2}
    if all_three:
        answers["example.item_3"] = 5
    return (f"r{n}", answers)


def test_a_score_over_a_few_fewer_people_than_its_items_is_withheld():
    # 12 answered items 1 and 2; only 10 also answered item 3, so only 10 have an energy score.
    responses = [person(n) for n in range(10)] + [person(n, all_three=False) for n in range(10, 12)]
    energy, strain = results.measure_scores(MEASURE, responses, results.rules())
    assert disclosure.is_hidden(energy.mean)
    assert strain.mean == 6.0  # everyone who answered its items has a score


def test_a_score_over_the_same_people_as_its_items_is_shown():
    responses = [person(n) for n in range(12)]
    energy, _ = results.measure_scores(MEASURE, responses, results.rules())
    assert energy.mean == 8.0  # item 3 is reversed in the example measure: 3 + 4 + (6 - 5)
