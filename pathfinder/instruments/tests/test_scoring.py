"""Scoring is pure Python and behaves sensibly for any answers (hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from pathfinder.instruments import scoring
from pathfinder.instruments.definition import from_data

DEFINITION = from_data(
    {
        "key": "t",
        "version": 1,
        "name": "T",
        "purpose": "survey",
        "scales": {"five": {"points": [{"value": v, "label": str(v)} for v in range(1, 6)], "dont_know": "?"}},
        "scoring": {"method": "mean", "min_answered": 0.5, "strength_at": 4, "gap_at": 2},
        "sections": [
            {
                "key": "a",
                "title": "A",
                "items": [{"code": f"a.{n}", "type": "scale", "scale": "five", "text": "x"} for n in range(4)],
            },
            {
                "key": "b",
                "title": "B",
                "items": [
                    {"code": "b.0", "type": "scale", "scale": "five", "text": "x"},
                    {"code": "b.1", "type": "scale", "scale": "five", "text": "x", "reverse": True},
                ],
            },
        ],
    }
)
CODES = [item.code for item in DEFINITION.items]
answers = st.dictionaries(st.sampled_from(CODES), st.one_of(st.none(), st.integers(1, 5)))


@given(answers)
def test_scores_stay_on_the_scale(given_answers):
    for group in scoring.section_scores(DEFINITION, given_answers):
        assert group.score is None or 1 <= group.score <= 5
        assert 0 <= group.answered <= group.items


@given(answers)
def test_a_group_is_scored_only_with_enough_answers(given_answers):
    for group in scoring.section_scores(DEFINITION, given_answers):
        assert (group.score is not None) == (group.answered >= 0.5 * group.items and group.answered > 0)


@given(answers)
def test_dont_know_is_never_counted_as_a_score(given_answers):
    with_unknowns = dict(given_answers)
    for code in CODES:
        with_unknowns.setdefault(code, None)
    assert scoring.section_scores(DEFINITION, with_unknowns) == scoring.section_scores(DEFINITION, given_answers)


@given(st.integers(1, 5))
def test_reversed_items_turn_round(value):
    item = DEFINITION.item("b.1")
    assert scoring.item_value(DEFINITION, item, value) == 6 - value


@given(answers, st.sets(st.sampled_from(CODES)))
def test_comparing_on_shared_items_only_uses_those_items(given_answers, shared):
    restricted = scoring.overall_score(DEFINITION, given_answers, only=shared)
    only_shared = {code: value for code, value in given_answers.items() if code in shared}
    assert restricted == scoring.overall_score(DEFINITION, only_shared, only=shared)


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=30))
def test_a_spread_counts_every_answer_once(values):
    spread = scoring.spread(DEFINITION, DEFINITION.item("a.0"), values)
    assert spread.scored + spread.dont_know == len(values)
    assert sum(spread.counts.values()) == spread.scored


def test_classify_uses_the_thresholds():
    assert [scoring.classify(DEFINITION, value) for value in (None, 1, 2, 3, 4, 5)] == [
        "",
        "gap",
        "gap",
        "",
        "strength",
        "strength",
    ]


def test_an_answer_off_the_scale_is_refused():
    import pytest

    with pytest.raises(ValueError, match="not a point on the scale"):
        scoring.item_value(DEFINITION, DEFINITION.item("a.0"), 9)
