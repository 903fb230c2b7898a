"""The budget in money: funding sources have amounts and show what is left,
staff time is costed at the lead's hourly rate, vouchers given at lens events
appear (registered by the lens app, never imported by the plan), and the
charts show pounds."""

from datetime import date
from decimal import Decimal

from pathfinder.lens import services as lens_services
from pathfinder.planning.models import FundingSource, Plan
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import make_action


def budget_page(world, as_user, user=None):
    return as_user(user or world.lead).get(f"/programmes/{world.programme.pk}/plan/budget/").page


def test_it_shows_what_each_funding_source_has_left(world, as_user):
    client = as_user(world.lead)
    added = client.post(
        f"/programmes/{world.programme.pk}/plan/funding/", {"name": "ADP funding", "notes": "", "amount": "£5,000"}
    )
    assert added.status_code == 302
    source = FundingSource.objects.get()
    assert source.amount == Decimal("5000")
    make_action(world, direct_cost=Decimal("1200"), funding_source=source)
    services.add_funding_source(programme=world.programme, name="Service budget", by=world.lead)

    page = budget_page(world, as_user)
    rows = [[" ".join(cell.text_content().split()) for cell in row] for row in page.css("table tbody tr")]
    assert ["ADP funding", "£5,000.00", "£1,200.00", "£3,800.00"] in rows
    assert ["Service budget", "Not known yet", "£0.00", "Not known yet"] in rows
    assert "Left after direct costs and other spending £3,800.00" in page.text()


def test_it_costs_staff_time_at_the_leads_rate(world, as_user):
    make_action(world, staff_hours=Decimal("10"))
    client = as_user(world.lead)
    settings = client.get(f"/programmes/{world.programme.pk}/plan/settings/").page.form_data()
    assert (
        client.post(
            f"/programmes/{world.programme.pk}/plan/settings/", settings | {"staff_hourly_rate": "25"}
        ).status_code
        == 302
    )
    assert Plan.objects.get().staff_hourly_rate == Decimal("25")
    assert (
        "10 hours (about 1.3 days of 7.5 hours), about £250.00 at £25.00 an hour" in budget_page(world, as_user).text()
    )


def test_it_includes_vouchers_from_lens_events(world, as_user):
    event = lens_services.create_event(
        programme=world.programme, title="Lens event, October", held_on=date(2026, 10, 20), by=world.lead
    )
    guest = lens_services.add_guest(event, kind="lived_experience", label="Adviser A", by=world.lead)
    lens_services.record_reimbursement(
        guest, voucher_type="Shopping voucher", amount=Decimal("30"), given_on=date(2026, 10, 20), by=world.lead
    )
    lens_services.record_reimbursement(
        guest, voucher_type="Travel", amount=Decimal("12.50"), given_on=date(2026, 10, 20), by=world.lead
    )
    page = budget_page(world, as_user, world.viewer)
    rows = [[" ".join(cell.text_content().split()) for cell in row] for row in page.css("table tbody tr")]
    assert [
        "Trauma-informed lens event",
        "Vouchers to thank participants: Lens event, October",
        "20 October 2026",
        "£42.50",
    ] in rows
    assert "Spending recorded by other tools £42.50" in page.text()
    assert "Adviser A" not in page.text()  # totals only, never who


def test_its_charts_show_money_as_money(world, as_user):
    make_action(world, due_on=date(2027, 3, 1), direct_cost=Decimal("1200"))
    svg = budget_page(world, as_user).css("figure.pf-chart svg")[0]
    labels = [text.text_content() for text in svg.iter("{*}text", "text")]
    assert "£1,200" in labels
