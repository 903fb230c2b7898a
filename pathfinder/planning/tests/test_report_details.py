"""The progress report says, for each action, where each of its findings came
from, the latest update and what it costs."""

from datetime import date
from decimal import Decimal

from pathfinder.planning.models import Plan
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import make_action, pdf_text
from pathfinder.testing.factories import FindingFactory


def test_it_gives_each_findings_source_the_latest_update_and_the_cost(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    finding = FindingFactory(
        programme=world.programme,
        text="Night staff feel left out of training.",
        source_type="lens",
        source_label="Lens event, October",
    )
    action = make_action(
        world, title="Train the night team", findings=[finding], direct_cost=Decimal("120"), staff_hours=Decimal("10")
    )
    Plan.objects.create(programme=world.programme, starts_on=date(2026, 9, 1), staff_hourly_rate=Decimal("25"))
    services.add_update(action, version=action.version, by=world.member, text="Two dates booked.", status="in_progress")

    text = pdf_text(as_user(world.lead).get(f"/programmes/{world.programme.pk}/plan/report.pdf").content)
    assert "Night staff feel left out of training. (from Trauma-informed lens event: Lens event, October)" in text
    latest = text.split("Latest update (Bob Member, ", 1)[1]
    assert latest.split("): ", 1)[1].startswith("Two dates booked.")
    assert "Cost: £120.00 direct, and 10 hours of staff time (about £250.00 at £25.00 an hour)." in text
