"""The Progress page, a measure's page, the dashboard and the theory of change
make the same number of queries however many rounds, surveys, ratings,
training records and actions there are."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.assessments.tests.conftest import builtin  # noqa: F401  fixture
from pathfinder.evidence.tests.mat import rate
from pathfinder.evidence.tests.test_progress_sources import action, closed_round, tna, wave
from pathfinder.planning.models import Indicator, ToCNode
from pathfinder.surveys.tests.conftest import make_survey, tna_version  # noqa: F401  fixtures
from pathfinder.workforce import training
from pathfinder.workforce.tests.conftest import add_staff, entry


def count(client, url) -> int:
    """Queries for a second view of the page: the first may draw the theory of
    change and keep the drawing (a few more queries once per change)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def pages(world):
    pk = world.programme.pk
    return [
        f"/programmes/{pk}/progress/",
        f"/programmes/{pk}/progress/mat:6/",
        f"/programmes/{pk}/progress/mat:6/?recalculate_from=14",
        f"/programmes/{pk}/",
        f"/programmes/{pk}/theory-of-change/",
    ]


def more(world, builtin, make_survey, n):  # noqa: F811
    for i in range(n):
        rate(world, standard=6, rating="amber", days=400 + i * 5)
        rate(world, standard=i % 10 + 1, rating="green", days=300 + i)
        action(world, date(2026, 1, 1) + timedelta(days=40 * i), done_on=date(2026, 3, 1) + timedelta(days=40 * i))
    closed_round(world, builtin, 3, f"Round {n}")
    wave(make_survey, world, f"Wave {n}", [tna(4)] * 10)
    staff = add_staff(world.service, "practitioner", n)
    for i, person in enumerate(staff):
        training.add_record(
            person, entry(world.service, "ti-elearning"), date(2025, 6, 1) + timedelta(days=31 * i), by=None
        )


def test_counts_do_not_grow_with_data(world, builtin, make_survey, as_user):  # noqa: F811
    for age in range(14):
        rate(world, standard=6, rating="red" if age % 2 else "amber", days=10 + age * 20)
    node = ToCNode.objects.create(programme=world.programme, kind="short", text="Staff feel supported")
    Indicator.objects.create(node=node, text="Standard 6 rated green", measure_key="mat:6")
    more(world, builtin, make_survey, 1)
    client = as_user(world.lead)
    small = [count(client, url) for url in pages(world)]
    more(world, builtin, make_survey, 4)
    Indicator.objects.create(node=node, text="Training", measure_key="training:informed")
    assert [count(client, url) for url in pages(world)] == small
