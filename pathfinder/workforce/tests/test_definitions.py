"""The workforce instruments are valid, keep their agreed codes, and the TNA and
pulse are built in while the example licensed measure is not."""

from pathlib import Path

import pytest

from pathfinder.instruments import scoring
from pathfinder.instruments.loading import BUILTIN_DIR, load_file, parse_text
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.workforce.practice_levels import DEFAULT_ROLE_LEVELS

DEFINITIONS = Path(__file__).resolve().parents[1] / "definitions"


def definition(name: str):
    path = DEFINITIONS / name
    return parse_text(path.read_text(encoding="utf-8"), source=str(path))


def options(item) -> list[str]:
    return [option.value for option in item.options]


def test_the_tna_has_the_agreed_shape():
    tna = definition("tna.yaml")
    assert (tna.key, tna.version, tna.purpose) == ("training-needs-analysis", 1, "survey")
    assert [section.key for section in tna.sections] == ["about", "confidence", "organisation", "needs"]
    assert options(tna.item("about.role")) == [
        "manager",
        "team_leader",
        "clinician",
        "practitioner",
        "peer_worker",
        "admin",
        "other",
    ]
    assert options(tna.item("about.time_in_post")) == options(tna.item("about.time_in_field"))
    assert tna.item("about.training_done").type == "multi"
    confidence = [item.code for item in tna.sections[1].items]
    assert confidence == [
        "confidence.trauma_concept",
        "confidence.trauma_impact",
        "confidence.principles",
        "confidence.applying",
    ]
    assert all(tna.item(code).scale == "confidence" for code in confidence)
    assert tna.scales["confidence"].dont_know == "Not sure"
    assert [point.label for point in tna.scales["confidence"].points][::4] == [
        "Not at all confident",
        "Extremely confident",
    ]
    organisation = tna.sections[2].items
    assert 6 <= len(organisation) <= 8
    assert all(item.code.startswith("organisation.") and item.scale == "agreement" for item in organisation)
    assert tna.scales["agreement"].dont_know == "Don't know"
    comments = tna.item("needs.comments")
    # Asked by default (and skippable): services switch optional questions on, not off.
    assert (comments.type, comments.max_length, comments.optional) == ("text", 1000, False)
    assert tna.item("about.role").required
    assert {section.key: section.theme for section in tna.sections} == {
        "about": "",
        "confidence": "skills",
        "organisation": "culture",
        "needs": "skills",
    }
    assert {"about.area", "about.time_in_field", "needs.barriers"} <= {i.code for i in tna.items if i.optional}


def test_every_tna_role_has_a_default_practice_level():
    assert set(options(definition("tna.yaml").item("about.role"))) == set(DEFAULT_ROLE_LEVELS)


def test_the_wellbeing_pulse_has_the_agreed_shape():
    pulse = definition("wellbeing-pulse.yaml")
    assert (pulse.key, pulse.purpose) == ("wellbeing-pulse", "survey")
    scale_items = [item for item in pulse.items if item.type == "scale"]
    assert 6 <= len(scale_items) <= 8
    assert all(item.code.startswith("pulse.") and item.scale == "often" for item in scale_items)
    assert [point.label for point in pulse.scales["often"].points] == [
        "Never",
        "Rarely",
        "Sometimes",
        "Often",
        "Always",
    ]
    for code in ("access.supervision", "access.reflective_practice"):
        assert options(pulse.item(code)) == ["regularly", "sometimes", "rarely", "never", "not_needed"]
    assert not pulse.item("pulse.comments").optional  # asked by default, and skippable
    assert (pulse.scoring.method, pulse.scoring.min_answered) == ("mean", 0.5)
    assert {section.theme for section in pulse.sections} == {"wellbeing"}


def test_the_example_licensed_measure_scores_with_subscales_and_a_reversed_item():
    example = definition("example-licensed-measure.yaml")
    assert "for testing only" in example.name
    assert example.licence.startswith("Example only")
    assert [item.code for item in example.items if item.reverse] == ["example.item_3"]
    answers = {f"example.item_{n}": 5 for n in range(1, 7)}
    scores = {group.key: group.score for group in scoring.subscale_scores(example, answers)}
    # The reversed item counts 5 as 1.
    assert scores == {"energy": 11.0, "strain": 15.0}


@pytest.mark.django_db
def test_the_tna_and_pulse_are_built_in_but_the_example_is_not():
    builtin = set(InstrumentVersion.objects.filter(instrument__owner=None).values_list("instrument__key", flat=True))
    assert {"training-needs-analysis", "wellbeing-pulse"} <= builtin
    assert "example-licensed-measure" not in builtin
    assert not list(BUILTIN_DIR.glob("example-licensed-measure*"))


@pytest.mark.django_db
def test_a_service_can_load_the_example_explicitly(world):
    version = load_file(DEFINITIONS / "example-licensed-measure.yaml", owner=world.service)
    assert (version.instrument.key, version.instrument.owner) == ("example-licensed-measure", world.service)
