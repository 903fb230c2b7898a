"""The MAT pages make the same number of queries however many ratings there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.evidence.tests.mat import rate
from pathfinder.planning.tests.conftest import make_action


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def pages(world):
    base = f"/programmes/{world.programme.pk}"
    return [f"{base}/mat-standards/", f"{base}/mat-standards/6/", f"{base}/mat-standards/return.xlsx", f"{base}/"]


def test_counts_do_not_grow_with_ratings(world, as_user):
    client = as_user(world.lead)
    rate(world, standard=6)
    make_action(world)
    before = [count(client, url) for url in pages(world)]
    for days in range(20):
        for standard in (1, 6, 10):
            rate(world, standard=standard, rating="green", days=days + 1, by=world.lead)
    after = [count(client, url) for url in pages(world)]
    assert after == before
