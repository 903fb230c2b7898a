"""Training can need a refresher: a record past its refresher date no longer
counts, and the register says a refresher is due."""

from datetime import date, timedelta

from django.utils import timezone

from pathfinder.workforce import training
from pathfinder.workforce.tests.conftest import add_staff, entry, training_url


def informed(world):
    row = training.coverage(world.service, world.programme).levels[0]
    return row.trained, row.needed


def test_a_record_past_its_refresher_date_does_not_count(world):
    [admin] = add_staff(world.service, "admin")
    films = entry(world.service, "ti-films")
    training.save_entry(
        films,
        {name: getattr(films, name) for name in training.ENTRY_FIELDS} | {"refresh_months": 12},
        version=1,
        by=None,
    )
    today = timezone.localdate()
    record = training.add_record(admin, films, today - timedelta(days=400), by=world.lead)
    assert record.refresh_due_on == training.add_months(today - timedelta(days=400), 12)
    assert informed(world) == (0, 1)
    training.add_record(admin, films, today - timedelta(days=10), by=world.lead)
    assert informed(world) == (1, 1)


def test_changing_the_refresher_period_updates_records_already_done(world):
    [admin] = add_staff(world.service, "admin")
    films = entry(world.service, "ti-films")
    training.add_record(admin, films, date(2020, 1, 31), by=world.lead)
    assert informed(world) == (1, 1)
    values = {name: getattr(films, name) for name in training.ENTRY_FIELDS} | {"refresh_months": 1}
    training.save_entry(films, values, version=1, by=None)
    assert admin.training_records.get().refresh_due_on == date(2020, 2, 29)
    assert informed(world) == (0, 1)


def test_the_person_page_says_a_refresher_is_due(world, as_user):
    [admin] = add_staff(world.service, "admin")
    films = entry(world.service, "ti-films")
    films.refresh_months = 6
    films.save()
    training.add_record(admin, films, date(2025, 1, 10), by=world.lead)
    page = as_user(world.lead).get(training_url(world.programme, f"people/{admin.pk}/")).page
    text = page.text()
    assert "Done on 10 January 2025: a refresher was due by 10 July 2025" in text
    assert "A refresher is due for: " in text
    assert "1 refresher due" in as_user(world.lead).get(training_url(world.programme, "people/")).page.text()
