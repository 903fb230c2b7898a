"""The plan page makes the same number of queries however many plans there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.testing.factories import UserFactory
from pathfinder.workforce import services
from pathfinder.workforce.tests.conftest import PLAN_URL


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def grow(times: int) -> None:
    for _ in range(times):
        services.save_plan(UserFactory(), {"what_helps": "A walk"}, services.NO_PLAN)


def test_query_count_does_not_grow_with_data(world, as_user, alices_plan):
    client = as_user(world.lead)
    grow(2)
    small = queries_for(client, PLAN_URL)
    grow(30)
    large = queries_for(client, PLAN_URL)
    assert large == small, f"{small} queries with little data, {large} with more"


def test_an_empty_plan_page_costs_no_more(world, as_user, alices_plan):
    assert queries_for(as_user(world.member), PLAN_URL) <= queries_for(as_user(world.lead), PLAN_URL)
