"""The training catalogue is data, checked with clear errors when it is wrong."""

import dataclasses

import pytest

from pathfinder.workforce.practice_levels import (
    CatalogueError,
    LearningFormat,
    PracticeLevel,
    catalogue,
    entries_for,
    induction_for,
    load_catalogue,
    parse_catalogue,
)

GOOD = """
entries:
  - key: ti-elearning
    title: Trauma-informed e-learning
    provider: NES
    level: informed
    format: e-learning
    duration_minutes: 60
    description: An introduction.
    induction: true
"""


def test_the_built_in_catalogue_loads():
    entries = load_catalogue()
    assert 12 <= len(entries) <= 20
    assert len({entry.key for entry in entries}) == len(entries)
    assert {entry.level for entry in entries} == set(PracticeLevel)
    assert any(entry.induction for entry in entries)
    assert any(entry.scaffolding for entry in entries)
    assert all(entry.url == "" or entry.url.startswith("https://") for entry in entries)
    keys = {entry.key for entry in entries}
    assert {"ti-elearning", "ts-substance-use", "stilt", "safety-and-stabilisation", "specialist-therapy"} <= keys


def test_entries_are_frozen():
    entry = catalogue()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.title = "Changed"


def test_it_reads_a_good_entry():
    [entry] = parse_catalogue(GOOD)
    assert entry.level is PracticeLevel.INFORMED
    assert entry.format is LearningFormat.E_LEARNING
    assert (entry.duration_minutes, entry.induction, entry.scaffolding, entry.url) == (60, True, False, "")


def test_a_worker_is_offered_their_level_and_those_below():
    skilled = entries_for(PracticeLevel.SKILLED)
    assert {entry.level for entry in skilled} == {PracticeLevel.INFORMED, PracticeLevel.SKILLED}
    assert {entry.level for entry in induction_for(PracticeLevel.INFORMED)} == {PracticeLevel.INFORMED}
    assert "ts-substance-use" in {entry.key for entry in induction_for(PracticeLevel.SKILLED)}


def test_it_names_every_problem():
    bad = GOOD.replace("level: informed", "level: expert").replace("duration_minutes: 60", "duration_minutes: soon")
    bad += "    colour: blue\n  - key: ti-elearning\n    title: Again\n"
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(bad, source="catalogue.yaml")
    problems = caught.value.problems
    assert 'entries[0] ("ti-elearning").level: should be one of: informed, skilled, enhanced, specialist' in problems
    assert 'entries[0] ("ti-elearning").duration_minutes: should be a whole number of minutes, 1 or more' in problems
    assert any(problem.startswith('entries[0] ("ti-elearning").colour: is not a field we know') for problem in problems)
    assert 'entries[1] ("ti-elearning").key: "ti-elearning" is used twice' in problems
    assert 'entries[1] ("ti-elearning").provider: is missing' in problems
    assert str(caught.value).startswith("catalogue.yaml: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("entries: [", "this is not valid YAML"),
        ("- key: a", "the file should have one field, 'entries'"),
        ("entries: []", "'entries' should be a list with at least one entry"),
        (GOOD.replace("induction: true", "induction: yes please"), "induction: should be true or false"),
        (GOOD + "    url: http://example.org\n", "url: should start with https://"),
        (GOOD.replace("key: ti-elearning", "key: TI eLearning"), "key: use lower-case letters"),
    ],
)
def test_it_refuses_malformed_files(text, message):
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(text)
