"""The check for name-like words in interview notes (plain Python)."""

from pathfinder.discovery.names import possible_names


def test_it_finds_a_title_and_a_surname():
    assert possible_names("We spoke about how Dr Reid handles referrals.") == ["Dr Reid"]


def test_it_finds_a_first_name_and_surname():
    assert possible_names("Sarah Jones runs the clinic on Tuesdays.") == ["Sarah Jones"]


def test_it_finds_a_name_before_a_reporting_verb():
    assert possible_names("Supervision is monthly, and Priya said it helps.") == ["Priya"]


def test_it_leaves_ordinary_sentences_alone():
    text = (
        "The Mental Health Team takes referrals. Staff said supervision is rare. "
        "The NHS board and the GP practice share care. On Monday the team meets."
    )
    assert possible_names(text) == []


def test_it_names_each_once():
    assert possible_names("Dr Reid and Dr Reid again") == ["Dr Reid"]


def test_it_copes_with_nothing():
    assert possible_names("") == []
