"""The timeline: a server-rendered table of quarters across the plan's three
years, with words in the cells (not colour alone)."""

from datetime import date

from pathfinder.planning.presenters import plan as presenters
from pathfinder.planning.tests.conftest import make_action


def test_twelve_quarters_from_the_plan_start():
    periods = presenters.quarters(date(2026, 9, 1), 3)
    assert len(periods) == 12
    assert (periods[0].starts, periods[0].ends) == (date(2026, 9, 1), date(2026, 11, 30))
    assert periods[0].months == "Sep–Nov 2026" and periods[1].months == "Dec 2026–Feb 2027"
    assert (periods[11].starts, periods[11].ends) == (date(2029, 6, 1), date(2029, 8, 31))
    assert periods[4].label == "Year 2, quarter 1"


def test_cells_mark_the_start_the_span_and_the_due_quarter(world):
    action = make_action(world, starts_on=date(2026, 10, 1), due_on=date(2027, 6, 15))
    periods = presenters.quarters(date(2026, 9, 1), 3)
    cells, note = presenters.timeline_cells(action, periods, today=date(2026, 11, 1))
    assert [text for text, _ in cells] == ["Starts", "Under way", "Under way", "Due"] + [""] * 8
    assert note == ""


def test_done_overdue_and_beyond_the_plan(world):
    periods = presenters.quarters(date(2026, 9, 1), 3)
    late = make_action(world, starts_on=None, due_on=date(2026, 10, 1))
    assert presenters.timeline_cells(late, periods, today=date(2026, 11, 1))[0][0] == ("Overdue", "nhsuk-tag--red")
    late.status = "done"
    assert presenters.timeline_cells(late, periods, today=date(2026, 11, 1))[0][0] == ("Done", "nhsuk-tag--green")
    beyond = make_action(world, starts_on=date(2029, 1, 1), due_on=date(2030, 1, 1))
    cells, note = presenters.timeline_cells(beyond, periods, today=date(2026, 11, 1))
    assert cells[-1] == ("Under way", "nhsuk-tag--grey")
    assert note == "Due after the plan's last quarter (1 January 2030)."


def test_the_page_is_an_accessible_table(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    make_action(world, title="Protect reflective practice", theme="wellbeing")
    make_action(world, title="Review criteria", theme="service_design", due_on=date(2027, 2, 1))
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/plan/timeline/").page
    headers = [" ".join(th.text_content().split()) for th in page.css("thead th")]
    assert headers[0] == "Action" and len(headers) == 13
    assert headers[1] == "Year 1 Q1 Sep–Nov 2026 Now"
    groups = [th.text_content() for th in page.css("tbody th[scope=colgroup]")]
    assert groups == ["Workforce care, support and wellbeing", "Service design and delivery"]
    rows = page.css("tbody tr")
    first = rows[1]
    assert first.cssselect("th[scope=row] a")[0].text_content() == "Protect reflective practice"
    assert [cell.text_content() for cell in first.cssselect("td")][:4] == ["Starts", "Under way", "Due", ""]
