"""Coverage per practice level, counted from the named training register."""

from datetime import date

from pathfinder.workforce import training
from pathfinder.workforce.tests.conftest import add_staff, entry, training_url


def by_level(service):
    return {row.level.value: (row.trained, row.needed) for row in training.coverage(service).levels}


def test_records_change_coverage(world):
    practitioners = add_staff(world.service, "practitioner", 3)
    [admin] = add_staff(world.service, "admin")
    assert by_level(world.service) == {"informed": (0, 4), "skilled": (0, 3), "enhanced": (0, 0), "specialist": (0, 0)}
    training.add_record(practitioners[0], entry(world.service, "ti-elearning"), date(2026, 1, 5), by=world.lead)
    training.add_record(practitioners[0], entry(world.service, "ts-elearning"), date(2026, 2, 5), by=world.lead)
    training.add_record(admin, entry(world.service, "ti-films"), date(2026, 2, 5), by=world.lead)
    assert by_level(world.service) == {"informed": (2, 4), "skilled": (1, 3), "enhanced": (0, 0), "specialist": (0, 0)}
    assert [row.level.value for row in training.coverage_gaps(world.service)] == ["informed", "skilled"]


def test_levels_follow_the_role_map(world):
    add_staff(world.service, "admin", 2)
    training.set_role_levels(world.service, {"admin": ("skilled", 1)}, by=world.lead)
    assert by_level(world.service)["skilled"] == (0, 2)


def test_scaffolding_switched_off_training_and_people_without_a_role_do_not_count(world):
    [practitioner] = add_staff(world.service, "practitioner")
    training.add_record(practitioner, entry(world.service, "reflective-practice"), date(2026, 1, 5), by=None)
    films = entry(world.service, "ti-films")
    training.add_record(practitioner, films, date(2026, 1, 5), by=None)
    films.active = False
    films.save()
    report = training.coverage(world.service)
    assert by_level(world.service)["informed"] == (0, 1)
    assert by_level(world.service)["skilled"] == (0, 1)
    # The lead, the member and the viewer in `world` have no job role recorded.
    assert (report.staff, report.without_role) == (1, 3)


def test_ended_memberships_do_not_count(world):
    [leaver] = add_staff(world.service, "practitioner")
    leaver.is_active = False
    leaver.save()
    assert by_level(world.service)["informed"] == (0, 0)


def test_the_overview_shows_coverage_as_a_table_a_chart_and_a_sentence(world, as_user):
    staff = add_staff(world.service, "practitioner", 4)
    for person in staff[:3]:
        training.add_record(person, entry(world.service, "ti-elearning"), date(2026, 1, 5), by=None)
    page = as_user(world.viewer).get(training_url(world.programme)).page
    row = page.css("#coverage-informed td")
    assert [cell.text_content().split()[-1] for cell in row[1:4]] == ["4", "3", "75%"]
    assert "On track" in row[4].text_content()
    assert "Below 75%" in page.css("#coverage-skilled td")[4].text_content()
    assert page.css("figure.pf-chart svg[role=img]")
    summary = page.css(".pf-chart__summary")[0].text_content()
    assert summary == (
        "Trauma-informed: 3 of 4 staff trained (75%). Trauma-skilled: 0 of 4 (0%). Below the aim of 75%: trauma-skilled."
    )
    # Levels nobody needs are left out of the chart (the table above still lists them).
    assert "Trauma-enhanced" not in page.css("figure.pf-chart")[0].text_content()
    assert page.css("details.pf-chart__data table")


def test_the_dashboard_panel_sums_up_coverage(world, as_user):
    add_staff(world.service, "admin")
    text = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page.text()
    assert "Trauma-informed: 0 of 1 trained (0%, below the 75% aim)" in text
    assert "Go to training" in text
