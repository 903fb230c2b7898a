"""The plan's pages make the same number of queries for 10 actions as for
500: nothing is fetched once per action."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.planning.models import Action
from pathfinder.planning.services import actions as services
from pathfinder.programmes.domain import Theme
from pathfinder.testing.factories import FindingFactory, MembershipFactory


def add_actions(world, count: int, start: int = 0) -> None:
    source = services.add_funding_source(programme=world.programme, name=f"Source {start}", by=world.lead)
    # Some owners have left: the plan flags them without asking about each one.
    owners = [
        world.memberships.member,
        world.memberships.lead,
        MembershipFactory(service=world.service, is_active=False),
    ]
    findings = FindingFactory.create_batch(3, programme=world.programme)
    themes = list(Theme.values)
    statuses = list(Action.Status.values)
    made = Action.objects.bulk_create(
        [
            Action(
                programme=world.programme,
                title=f"Action {start + number}",
                theme=themes[number % len(themes)],
                owner=owners[number % len(owners)],
                starts_on=date(2026, 9, 1) + timedelta(days=number % 400),
                due_on=date(2026, 10, 1) + timedelta(days=number % 900),
                status=statuses[number % len(statuses)],
                blocked_reason="Waiting" if statuses[number % len(statuses)] == "blocked" else "",
                direct_cost=Decimal(number % 7 * 100),
                staff_hours=Decimal(number % 5),
                indirect_notes="Cover" if number % 3 == 0 else "",
                decision_needed="Agree it" if number % 11 == 0 else "",
                funding_source=source if number % 2 else None,
            )
            for number in range(count)
        ]
    )
    Action.findings.through.objects.bulk_create(
        [Action.findings.through(action=action, finding=findings[index % 3]) for index, action in enumerate(made)]
    )


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(captured)


def pages(world) -> list[str]:
    pk = world.programme.pk
    return [
        f"/programmes/{pk}/plan/",
        f"/programmes/{pk}/plan/?theme=wellbeing",
        f"/programmes/{pk}/plan/themes/",
        f"/programmes/{pk}/plan/mine/",
        f"/programmes/{pk}/plan/due/",
        f"/programmes/{pk}/plan/timeline/",
        f"/programmes/{pk}/plan/budget/",
        f"/programmes/{pk}/plan/findings/",
        f"/programmes/{pk}/plan/report/",
        f"/programmes/{pk}/",
    ]


def test_plan_pages_do_not_grow_with_actions(world, as_user, on_day):
    on_day(date(2027, 6, 1))
    client = as_user(world.member)
    add_actions(world, 10)
    few = {url: count(client, url) for url in pages(world)}
    add_actions(world, 490, start=10)
    assert Action.objects.count() == 500
    many = {url: count(client, url) for url in pages(world)}
    assert many == few
