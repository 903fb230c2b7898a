"""Assessment pages make the same number of queries however many rounds,
raters and ratings there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.assessments import services
from pathfinder.assessments.tests.conftest import agree_all, answer_all
from pathfinder.testing.factories import MembershipFactory


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def a_round(world, builtin, raters, status):
    round_ = services.open_round(
        programme=world.programme, instrument_version=builtin, kind="follow_up", title="R", raters=raters, by=world.lead
    )
    for user in raters:
        answer_all(round_, user, 3, evidence="note")
    if status in {"consensus", "closed"}:
        services.start_consensus(round_, version=round_.version, by=world.lead)
        round_.refresh_from_db()
        agree_all(round_, world.lead, lambda item: 3)
    if status == "closed":
        services.close_round(round_, version=round_.version, by=world.lead)
    return round_


def pages(world, round_):
    return [
        f"/programmes/{world.programme.pk}/assessment/",
        f"/programmes/{world.programme.pk}/",
        f"/assessment-rounds/{round_.pk}/",
        f"/assessment-rounds/{round_.pk}/results/",
    ]


def test_counts_do_not_grow_with_rounds_and_raters(world, builtin, as_user):
    client = as_user(world.lead)
    first = a_round(world, builtin, [world.lead, world.member], "closed")
    small = [count(client, url) for url in pages(world, first)]
    extra = [MembershipFactory(service=world.service, role="group_member").user for _ in range(4)]
    a_round(world, builtin, [world.lead, *extra], "closed")
    a_round(world, builtin, [world.member, *extra], "closed")
    assert [count(client, url) for url in pages(world, first)] == small


def test_the_consensus_page_does_not_grow_with_raters(world, builtin, as_user):
    client = as_user(world.lead)
    few = a_round(world, builtin, [world.lead, world.member], "consensus")
    extra = [MembershipFactory(service=world.service, role="group_member").user for _ in range(5)]
    many = a_round(world, builtin, [world.lead, world.member, *extra], "consensus")
    assert count(client, f"/assessment-rounds/{few.pk}/agree/culture/") == count(
        client, f"/assessment-rounds/{many.pk}/agree/culture/"
    )
