"""Likely identifiers are counted, never returned or kept."""

import dataclasses

from pathfinder.evidence.language import STIGMATISING, TRAUMA_INFORMED, LanguageCheck, count_identifiers, is_chi


def chi(first_nine):
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True)) % 11
    check = (11 - total) % 11
    assert check != 10
    return first_nine + str(check)


VALID = chi("150385123")
TEXT = (
    f"Mr Duncan and Dr. Fraser met Mrs Begbie. DOB: 12/03/1984. She was born on 4 July 1990. CHI {VALID}. "
    f"Also {VALID[:6]} {VALID[6:]}. Not a CHI: 3203851234, 12345. The addict said what happened."
)


def test_it_checks_the_chi_date_and_check_digit():
    assert is_chi(VALID)
    assert not is_chi(VALID[:9] + str((int(VALID[9]) + 1) % 10))
    assert not is_chi("3203851234")  # 32nd March
    assert is_chi(chi("290200123"))  # 29 February 2000
    assert not is_chi("12345")


def test_it_counts_each_kind():
    counts = count_identifiers(TEXT)
    assert (counts.names, counts.dates_of_birth, counts.chi_numbers) == (3, 2, 2)
    assert counts.total == 7
    assert counts.warning() == (
        "This document seems to mention 3 names, 2 dates of birth, 2 CHI numbers. Only counts are kept, never "
        "the text, but please use documents with people's details removed."
    )


def test_it_says_nothing_when_there_are_none():
    assert count_identifiers("We met and agreed the plan.").warning() == ""


def strings_in(value):
    if dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            yield from strings_in(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value


def test_it_keeps_no_part_of_the_text_beyond_the_lexicon_terms():
    result = LanguageCheck().count(TEXT)
    assert result.identifiers.total == 7
    terms = {term.text for term in TRAUMA_INFORMED + STIGMATISING}
    assert set(strings_in(result)) <= terms
    for secret in ("Duncan", "Fraser", "Begbie", "1984", "1990", VALID, VALID[:6]):
        assert secret not in repr(result)
