"""The budget: direct costs and staff time by plan year, theme and funding
source; indirect costs; the expected savings note the lead writes."""

from datetime import date
from decimal import Decimal

from pathfinder.planning.models import Plan
from pathfinder.planning.presenters import budget as presenters
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import make_action


def test_costs_count_in_the_plan_year_they_are_due(world):
    source = services.add_funding_source(programme=world.programme, name="ADP funding", by=world.lead)
    actions = [
        make_action(
            world,
            due_on=date(2027, 3, 1),
            direct_cost=Decimal("100.50"),
            staff_hours=Decimal("10"),
            funding_source=source,
        ),
        make_action(world, due_on=date(2027, 8, 31), direct_cost=Decimal("200"), theme="skills"),
        make_action(
            world, due_on=date(2027, 9, 1), direct_cost=Decimal("300"), staff_hours=Decimal("7.5"), theme="skills"
        ),
        make_action(world, starts_on=None, due_on=date(2030, 1, 1), direct_cost=Decimal("50"), indirect_notes="Room"),
    ]
    result = presenters.budget(actions, date(2026, 9, 1), 3, [source])
    assert result.total.direct == Decimal("650.50") and result.total.hours == Decimal("17.5")
    years = {label: totals.direct for label, totals in result.by_year}
    assert years == {
        "Year 1": Decimal("300.50"),
        "Year 2": Decimal("300"),
        "Year 3": Decimal("0"),
        "After year 3": Decimal("50"),
    }
    themes = {label: totals.direct for label, totals in result.by_theme}
    assert themes["Workforce knowledge, skills and confidence"] == Decimal("500")
    sources = {label: totals.direct for label, totals in result.by_source}
    assert sources == {"ADP funding": Decimal("100.50"), "No funding source chosen": Decimal("550")}
    assert [action.pk for action, _ in result.indirect] == [actions[3].pk]
    assert result.staff_days == Decimal("2.3")


def test_plan_years_start_on_the_plan_start_date():
    start = date(2026, 9, 1)
    assert presenters.plan_year(start, 3, date(2026, 8, 31)) == 0
    assert presenters.plan_year(start, 3, date(2026, 9, 1)) == 1
    assert presenters.plan_year(start, 3, date(2027, 9, 1)) == 2
    assert presenters.plan_year(start, 3, date(2029, 8, 31)) == 3
    assert presenters.plan_year(start, 3, date(2029, 9, 1)) == 4


def test_the_page_shows_each_chart_with_a_table_and_a_sentence(world, as_user):
    make_action(world, due_on=date(2027, 3, 1), direct_cost=Decimal("1200"), staff_hours=Decimal("15"))
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/plan/budget/").page
    assert len(page.css("figure.pf-chart svg[role=img]")) == 3
    assert len(page.css("details.pf-chart__data table")) == 3
    captions = [caption.text_content() for caption in page.css("figcaption")]
    assert "Direct costs come to £1,200.00 in all; the most in one year is Year 1 (£1,200.00)." in captions
    assert "£1,200.00" in page.text() and "15 hours (about 2.0 days of 7.5 hours)" in page.text()


def test_the_lead_records_expected_savings(world, as_user):
    client = as_user(world.lead)
    url = f"/programmes/{world.programme.pk}/plan/settings/"
    page = client.get(url).page
    assert page.css("input[name=starts_on]")[0].get("value") == "2026-09-01"
    assert page.css("input[name=years]")[0].get("value") == "3"
    response = client.post(
        url,
        {"version": "0", "starts_on": "2026-09-01", "years": "3", "expected_savings": "Fewer missed appointments."},
    )
    assert response.status_code == 302
    assert Plan.objects.get().expected_savings == "Fewer missed appointments."
    assert "Fewer missed appointments." in client.get(f"/programmes/{world.programme.pk}/plan/budget/").page.text()
    # A second window still showing the first (unsaved) version is refused, keeping its words.
    stale = client.post(url, {"version": "0", "starts_on": "2026-09-01", "years": "3", "expected_savings": "Mine"})
    assert stale.page.title.startswith("Error: ")
    assert stale.page.css("#id_expected_savings")[0].text_content() == "Mine"
    assert as_user(world.member).post(url, {"version": "1", "starts_on": "2026-09-01", "years": "3"}).status_code == 403


def test_funding_sources_are_the_leads_list(world, as_user):
    client = as_user(world.lead)
    url = f"/programmes/{world.programme.pk}/plan/funding/"
    assert client.post(url, {"name": "Service budget"}).status_code == 302
    again = client.post(url, {"name": "service  budget"})
    assert again.page.error_summary() == ["There is already a funding source called “service budget”."]
    assert as_user(world.member).get(url).status_code == 403
