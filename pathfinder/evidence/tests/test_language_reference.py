"""The fast paths of the matcher agree with plain, slow ways of doing the same thing.

The one table pass of `normalise` against the rules written out step by step;
`_collapse` (one split, then mending runs of three or more spaces) against a
regular expression; the one-pass overlap rule against the rule as written: a
match counts unless another match lies over all of it.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.evidence import language
from pathfinder.evidence.language import Lexicon, normalise

SPACED = st.lists(st.sampled_from([b"a", b"bc", b" ", b"  ", b"   ", b"    "]), max_size=30).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(SPACED)
def test_collapse_makes_every_run_of_spaces_one(data):
    assert language._collapse(data).strip() == re.sub(rb" +", b" ", data).strip()


TERMS = ["drug", "drug user", "user", "user group", "addict", "former addict", "clean"]
IGNORE = ["drug user group", "clean needle"]
WORDS = st.sampled_from([*TERMS, *IGNORE, "users", "needles", "the", "a", ".", "-", "  ", "\n\n", "Drug-User"])
TEXT = st.lists(WORDS, max_size=25).map(" ".join)


def by_the_rule(lexicon: Lexicon, text: str) -> dict[str, int]:
    padded = f" {normalise(text)} "
    found = [(end - length + 1, end, owner) for end, (length, owner) in lexicon._automaton.iter(padded)]
    counts = dict.fromkeys((term.text for term in lexicon.terms), 0)
    for start, end, owner in found:
        covered = any(
            (other_start, other_end) != (start, end) and other_start <= start and end <= other_end
            for other_start, other_end, _ in found
        )
        if owner is not None and not covered:
            counts[owner] += 1
    return counts


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_the_one_pass_count_keeps_the_rule_a_match_inside_another_does_not_count(text):
    lexicon = Lexicon(TERMS, ignore=IGNORE)
    assert lexicon.count(text).as_dict() == by_the_rule(lexicon, text)


def normalised_slowly(text: str) -> str:
    """The normalising rules for plain ASCII text, one readable step at a time."""
    text = text.lower().replace("'", "")
    text = re.sub(r"[-_\t\n\r\x0b\x0c]", " ", text)
    text = re.sub(r"[.,;:!?()\[\]{}\"/\\&+#@%*=<>~^`$|]", "|", text)
    return re.sub(r" +", " ", text).strip(" ")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=60))
def test_the_one_table_pass_normalises_ascii_text_as_the_rules_say(text):
    assert normalise(text) == normalised_slowly(text)
