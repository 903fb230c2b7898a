"""The variation icon of the latest point and its plain-English reading."""

import pytest

from pathfinder.evidence.spc import Reading, Variation

from .series import chart

FALLING = [12, 11.5, 11, 10.5, 10, 9.5, 9]  # a falling trend at the end
# Above the mean all along (a shift high) while falling (a trend low):
HIGH_BUT_FALLING = [18, 17, 16, 15, 14, 13, 12.5]


@pytest.mark.parametrize(
    ("direction", "variation", "reading", "words"),
    [
        ("higher", Variation.CONCERNING_LOW, Reading.CONCERN, "A concern"),
        ("lower", Variation.IMPROVING_LOW, Reading.IMPROVING, "Improving"),
        ("neither", Variation.NEITHER_LOW, Reading.CHANGE, "A significant change"),
    ],
)
def test_it_reads_a_falling_trend_by_the_direction(direction, variation, reading, words):
    result = chart(FALLING, direction=direction)
    assert result.variation is variation
    assert result.reading is reading
    assert result.sentence.startswith(words)
    assert result.variation_meaning.startswith("Special cause variation")


def test_it_reads_common_cause_as_no_significant_change():
    result = chart([11, 12], direction="higher")
    assert result.variation is Variation.COMMON_CAUSE
    assert result.reading is Reading.NO_SIGNIFICANT_CHANGE
    assert result.sentence.startswith("No significant change")
    assert result.variation_meaning.startswith("Common cause variation")


def test_it_reads_only_the_latest_point():
    # A point beyond the limit earlier does not make the latest one special.
    assert chart([17, 11, 12], direction="higher").reading is Reading.NO_SIGNIFICANT_CHANGE


def test_it_lets_concern_win_when_signals_point_both_ways():
    assert chart(HIGH_BUT_FALLING, direction="higher").variation is Variation.CONCERNING_LOW
    assert chart(HIGH_BUT_FALLING, direction="lower").variation is Variation.CONCERNING_HIGH


def test_it_uses_the_side_of_the_mean_when_there_is_no_direction_and_signals_disagree():
    assert chart(HIGH_BUT_FALLING).variation is Variation.NEITHER_HIGH


def test_it_gives_every_icon_a_meaning_in_words():
    from pathfinder.evidence.spc import ASSURANCE_MEANING, VARIATION_MEANING, Assurance

    assert set(VARIATION_MEANING) == set(Variation)
    assert set(ASSURANCE_MEANING) == set(Assurance)
