"""Definition files are validated on load, with the line and field of every problem."""

from pathlib import Path

import pytest

from pathfinder.instruments.definition import DefinitionError, parse
from pathfinder.programmes.domain import Theme

THEMES = tuple(Theme.values)
GOOD = """\
key: tiny
version: 1
name: Tiny
purpose: survey
scales:
  agree:
    points:
      - {value: 1, label: Disagree}
      - {value: 2, label: Agree}
    dont_know: Not sure
sections:
  - key: a
    theme: culture
    title: A
    items:
      - {code: a.one, type: scale, scale: agree, text: One}
      - {code: a.two, type: choice, text: Two, options: [{value: x, label: X}, {value: y, label: Y}]}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        parse(text, themes=THEMES)
    return caught.value.problems


def test_it_reads_a_good_file():
    definition = parse(GOOD, themes=THEMES)
    assert [item.code for item in definition.items] == ["a.one", "a.two"]
    assert definition.scales["agree"].label_for(None) == "Not sure"


def test_the_built_in_instrument_is_valid():
    path = Path(__file__).parents[1] / "definitions" / "ti-organisational-self-assessment.yaml"
    definition = parse(path.read_text(), themes=THEMES)
    assert [section.theme for section in definition.sections] == list(THEMES)
    assert all(4 <= len(section.items) <= 8 for section in definition.sections)
    assert all(item.evidence and item.type == "scale" for item in definition.items)
    assert next(point.label for point in definition.scales["maturity"].points) == "Not started"
    assert definition.scales["maturity"].points[-1].label == "Embedded and monitored"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            (
                "      - {code: a.one, type: scale, scale: agree, text: One}",
                "      - {code: a.one, type: scale, scale: nope, text: One}",
            ),
            'line 16, sections[0].items[0].scale: there is no scale called "nope"',
        ),
        (("code: a.two", "code: a.one"), 'line 17, sections[0].items[1].code: "a.one" is used twice'),
        (("theme: culture", "theme: weather"), "line 13, sections[0].theme: should be one of"),
        (("version: 1", "version: one"), "line 2, version: should be a whole number"),
        (("name: Tiny", "name: Tiny\ncolour: blue"), "line 4, colour: is not a field we know"),
        (
            ("{value: 2, label: Agree}", "{value: 1, label: Agree}"),
            "line 8, scales.agree.points: values must be different",
        ),
        (
            ("options: [{value: x, label: X}, {value: y, label: Y}]", "options: [{value: x, label: X}]"),
            "give at least two options",
        ),
        (("purpose: survey", "purpose: quiz"), "line 4, purpose: should be one of"),
    ],
)
def test_it_names_the_line_and_field_of_each_problem(change, expected):
    old, new = change
    assert old in GOOD
    found = problems(GOOD.replace(old, new))
    assert any(expected in problem for problem in found), found


def test_it_reports_every_problem_at_once():
    text = GOOD.replace("scale: agree", "scale: nope").replace("code: a.two", "code: a.one")
    assert len(problems(text)) == 2


def test_it_explains_broken_yaml():
    [problem] = problems("key: [unclosed\n")
    assert "not valid YAML" in problem and problem.startswith("line ")


def test_it_needs_the_required_fields():
    found = problems("key: x\n")
    assert any("needs a 'sections' field" in problem for problem in found)
