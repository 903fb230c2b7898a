"""The dashboard panel, the list, the results page and its export."""

from io import BytesIO

from openpyxl import load_workbook

from pathfinder.core.models import AuditEvent
from pathfinder.measures.tests.helpers import example, record


def test_the_dashboard_panel_links_to_the_measures(world, as_user):
    page = as_user(world.member).get(f"/programmes/{world.programme.pk}/").content.decode()
    assert "Outcome measures" in page and "No measures loaded yet." in page
    assert f'href="/programmes/{world.programme.pk}/measures/"' in page
    example(world)
    page = as_user(world.member).get(f"/programmes/{world.programme.pk}/").content.decode()
    assert "1 measure in use." in page


def test_the_list_offers_what_each_person_may_do(world, as_user):
    measure = example(world)
    url = f"/programmes/{world.programme.pk}/measures/"
    lead = as_user(world.lead).get(url).content.decode()
    assert "Load the example measure" in lead and "Upload a measure" in lead
    assert f"/measures/{measure.pk}/record/" in lead
    viewer = as_user(world.viewer).get(url).content.decode()
    assert "Load the example measure" not in viewer and f"/measures/{measure.pk}/record/" not in viewer
    assert f"/measures/{measure.pk}/" in viewer


def test_the_export_holds_only_released_figures_and_is_audited(world, as_user):
    measure = example(world)
    for number in range(3):
        record(world, measure, f"KW-{number}")
    response = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/measures/{measure.pk}/results.xlsx")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    cells = [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]
    assert "April to June 2026" in cells and "not shown" in cells
    assert not any(value in {"1.0", "2.0", "3.0", "3"} for value in cells)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.EXPORT)
    assert event.actor == world.viewer and "Outcome measure results" in event.detail["what"]


def test_the_results_page_charts_released_averages_only(world, as_user):
    from datetime import date

    measure = example(world)
    for number in range(10):
        record(world, measure, f"KW-{number}", on=date(2026, 4, 10), value=1 + number % 5)
        record(world, measure, f"KW-{number}", on=date(2026, 7, 10), value=1 + (number + 1) % 5)
    for number in range(3):
        record(world, measure, f"KW-{number}", on=date(2026, 10, 10), value=5)
    page = as_user(world.member).get(f"/programmes/{world.programme.pk}/measures/{measure.pk}/")
    text = page.content.decode()
    assert text.count("<svg") == 1
    assert "The average overall score for July to September 2026 is 3.0, the same as for April to June 2026" in text
    assert "October to December 2026" in text and "fewer than 10 responses" in text
