"""Counting A + " " + B is counting A plus counting B, when neither ends or starts mid-term."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.evidence.language import STIGMATISING, TRAUMA_INFORMED, LanguageCheck

CHECK = LanguageCheck()
TERMS = [term.text for term in TRAUMA_INFORMED + STIGMATISING] + ["Drug-Users", "ADDICTS", "safety and stabilization"]
FILLER = st.sampled_from(["we", "met", "today.", "Plan,", "housing", "review!", "(agreed)", "together"])
CHUNK = st.one_of(FILLER, st.sampled_from(TERMS))
TEXT = st.builds(lambda first, rest, last: " ".join([first, *rest, last]), FILLER, st.lists(CHUNK), FILLER)


def added(a, b):
    return {term: a.as_dict()[term] + b.as_dict()[term] for term in a.as_dict()}


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_it_adds_up(a, b):
    joined, first, second = CHECK.count(a + " " + b), CHECK.count(a), CHECK.count(b)
    assert joined.stigmatising.as_dict() == added(first.stigmatising, second.stigmatising)
    assert joined.trauma_informed.as_dict() == added(first.trauma_informed, second.trauma_informed)
    assert joined.words == first.words + second.words
