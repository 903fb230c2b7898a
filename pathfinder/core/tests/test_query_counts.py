"""Pages make the same number of queries however much data there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.core import audit
from pathfinder.core.roles import Role
from pathfinder.testing.factories import FindingFactory, MembershipFactory


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def grow(world, times: int) -> None:
    for _ in range(times):
        FindingFactory(programme=world.programme)
        MembershipFactory(service=world.service, role=Role.STAFF)
        audit.record(audit.Kind.EXPORT, actor=world.lead, service=world.service, what="plan", format="csv")


@pytest.mark.parametrize(
    "path",
    [
        lambda w: f"/programmes/{w.programme.pk}/",
        lambda w: f"/programmes/{w.programme.pk}/findings/",
        lambda w: f"/services/{w.service.slug}/people/",
        lambda w: f"/services/{w.service.slug}/activity/",
        lambda w: "/?all=1",
        lambda w: "/account/",
    ],
    ids=["dashboard", "findings", "people", "activity", "home", "account"],
)
def test_query_count_does_not_grow_with_data(world, as_user, path):
    client = as_user(world.lead)
    url = path(world)
    grow(world, 2)
    small = queries_for(client, url)
    grow(world, 40)
    large = queries_for(client, url)
    assert large == small, f"{url}: {small} queries with little data, {large} with more"
