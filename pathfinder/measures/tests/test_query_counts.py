"""The measures pages make the same number of queries however many records there are."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.measures.tests.helpers import example, record


def count(client, url) -> int:
    client.get(url)  # the first look may release new figures (one insert)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def pages(world, measure):
    base = f"/programmes/{world.programme.pk}"
    return [
        f"{base}/measures/",
        f"{base}/measures/{measure.pk}/",
        f"{base}/measures/{measure.pk}/record/",
        f"{base}/measures/{measure.pk}/results.xlsx",
        f"{base}/",
    ]


def test_counts_do_not_grow_with_records(world, as_user):
    client = as_user(world.lead)
    measure = example(world)
    for number in range(10):
        record(world, measure, f"KW-{number}", on=date(2026, 1, 10))
    before = [count(client, url) for url in pages(world, measure)]
    for month in (4, 7, 10):
        for number in range(25):
            record(world, measure, f"KW-{number}", on=date(2026, month, 10), value=1 + number % 5)
    after = [count(client, url) for url in pages(world, measure)]
    assert after == before
