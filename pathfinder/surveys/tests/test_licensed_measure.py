"""A validated measure the service holds a licence for is loaded from its own
file and scored by its own rules (subscales, sums, reversed items)."""

from pathlib import Path

from django.utils import timezone

from pathfinder.instruments.loading import load_file
from pathfinder.surveys import services
from pathfinder.surveys.tests.conftest import close, respond

EXAMPLE = Path(__file__).resolve().parents[2] / "workforce" / "definitions" / "example-licensed-measure.yaml"


def test_a_licensed_measure_is_scored_by_its_own_subscales(world, as_user):
    version = load_file(EXAMPLE, owner=world.service, by=world.lead)
    today = timezone.localdate()
    survey = services.create_survey(
        programme=world.programme,
        instrument_version=version,
        kind="licensed",
        title="Measure, spring",
        distribution="codes",
        opens_on=today,
        closes_on=today,
        included_optional=[],
        by=world.lead,
    )
    answers = {f"example.item_{n}": 4 for n in range(1, 7)}
    respond(survey, [answers] * 10)
    close(survey, world)
    text = as_user(world.lead).get(f"/surveys/{survey.pk}/results/").page.text()
    # Energy: 4 + 4 + (6 - 4 reversed) = 10; strain: 4 + 4 + 4 = 12 — sums, by the file's rules.
    assert "Energy 10.0 10" in text
    assert "Strain 12.0 10" in text


def test_another_service_cannot_use_it(world):
    load_file(EXAMPLE, owner=world.service, by=world.lead)
    from pathfinder.instruments.services import versions_for

    assert not versions_for(world.other_service, "survey").filter(instrument__key="example-licensed-measure").exists()
