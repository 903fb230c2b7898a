"""Interview pages make the same number of queries however many interviews there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.discovery.tests.interview_factories import interview, tag


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_counts_do_not_grow_with_interviews(world, as_user):
    client = as_user(world.lead)
    first = interview(world)
    tag(first, world)
    pk = world.programme.pk
    pages = [
        f"/programmes/{pk}/phase-one/",
        f"/programmes/{pk}/interviews/",
        f"/programmes/{pk}/interviews/summary/",
        f"/programmes/{pk}/interviews/summary.docx",
        f"/programmes/{pk}/",
        f"/interviews/{first.pk}/",
    ]
    small = [count(client, url) for url in pages]
    for number in range(3):
        more = interview(world, format="group")
        tag(more, world, text=f"Barrier {number}")
        tag(more, world, kind="facilitator", theme="culture", text=f"Helps {number}")
    assert [count(client, url) for url in pages] == small
