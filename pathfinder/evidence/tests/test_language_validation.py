"""Empty, blank and duplicate lexicon terms are refused, naming the term."""

import pytest

from pathfinder.evidence.language import Lexicon, LexiconError


def problems(terms, **kwargs):
    with pytest.raises(LexiconError) as caught:
        Lexicon(terms, **kwargs)
    return caught.value.problems


def test_it_refuses_an_empty_term():
    assert problems(["trauma", ""]) == ("The term on line 2 is empty: write a word or phrase, or remove the line.",)


def test_it_refuses_a_whitespace_only_term():
    assert problems(["   \t", "trauma"]) == (
        "The term on line 1 is empty: write a word or phrase, or remove the line.",
    )


def test_it_refuses_a_term_with_no_letters():
    assert problems(["--"]) == ("The term “--” has no letters or numbers in it.",)


def test_it_refuses_a_duplicate_after_normalising():
    assert problems(["drug user", "Drug-User "]) == (
        "The term “Drug-User” is already in the list as “drug user”: capitals, hyphens and spaces are "
        "matched anyway, so keep one of them.",
    )


def test_it_refuses_a_term_that_is_a_variant_of_another():
    (message,) = problems(["strength", "strengths"])
    assert "“strengths”" in message and "“strength”" in message


def test_it_lists_every_problem_at_once():
    assert len(problems(["", "a", "A"])) == 2


def test_it_refuses_an_empty_list():
    assert problems([]) == ("The list has no terms: add at least one.",)


def test_it_refuses_an_empty_ignored_phrase():
    assert problems(["trauma"], ignore=[" "]) == (
        "The ignored phrase on line 1 is empty: write a word or phrase, or remove the line.",
    )
