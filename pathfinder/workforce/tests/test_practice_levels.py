"""The four NES practice levels, in order, and the level each role needs."""

from pathfinder.workforce.practice_levels import (
    DEFAULT_ROLE_LEVELS,
    LEVEL_DESCRIPTIONS,
    PracticeLevel,
    default_level_for,
)


def test_it_orders_the_levels():
    assert sorted(PracticeLevel, reverse=True) == [
        PracticeLevel.SPECIALIST,
        PracticeLevel.ENHANCED,
        PracticeLevel.SKILLED,
        PracticeLevel.INFORMED,
    ]
    assert PracticeLevel.INFORMED < PracticeLevel.SKILLED < PracticeLevel.ENHANCED < PracticeLevel.SPECIALIST
    assert max(PracticeLevel.SKILLED, PracticeLevel.INFORMED) is PracticeLevel.SKILLED


def test_levels_are_cumulative():
    assert PracticeLevel.ENHANCED.covers(PracticeLevel.INFORMED)
    assert PracticeLevel.ENHANCED.covers(PracticeLevel.ENHANCED)
    assert not PracticeLevel.SKILLED.covers(PracticeLevel.ENHANCED)


def test_every_level_is_described_in_one_sentence():
    assert set(LEVEL_DESCRIPTIONS) == set(PracticeLevel)
    for level in PracticeLevel:
        assert level.description.endswith(".") and level.description.count(". ") == 0
    assert PracticeLevel("skilled").label == "Trauma-skilled"
    assert PracticeLevel.choices()[0] == ("informed", "Trauma-informed")


def test_roles_have_default_levels():
    assert DEFAULT_ROLE_LEVELS == {
        "admin": PracticeLevel.INFORMED,
        "manager": PracticeLevel.SKILLED,
        "team_leader": PracticeLevel.SKILLED,
        "practitioner": PracticeLevel.SKILLED,
        "peer_worker": PracticeLevel.SKILLED,
        "clinician": PracticeLevel.ENHANCED,
        "other": PracticeLevel.INFORMED,
    }
    assert default_level_for("clinician") is PracticeLevel.ENHANCED
    assert default_level_for("someone new") is PracticeLevel.INFORMED
