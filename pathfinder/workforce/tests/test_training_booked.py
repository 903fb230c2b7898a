"""Booked training is not done training: it shows as booked, does not count
towards coverage, and counts once it is marked as done."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.workforce import training
from pathfinder.workforce.models import TrainingRecord
from pathfinder.workforce.tests.conftest import add_staff, entry, training_url


def informed(world):
    row = training.coverage(world.service, world.programme).levels[0]
    return row.trained, row.needed


def test_the_lead_books_training_and_marks_it_done(world, as_user):
    [admin] = add_staff(world.service, "admin")
    films = entry(world.service, "ti-films")
    next_week = timezone.localdate() + timedelta(days=7)
    client = as_user(world.lead)
    url = training_url(world.programme, f"people/{admin.pk}/")
    response = client.post(
        url + "records/", {"entry": films.pk, "status": "booked", "completed_on": next_week.isoformat()}
    )
    assert response.status_code == 302
    record = admin.training_records.get()
    assert (record.status, record.completed_on) == (TrainingRecord.Status.BOOKED, next_week)
    assert informed(world) == (0, 1)
    page = client.get(url).page
    assert f"Booked for {next_week.day} {next_week:%B %Y}" in page.text()
    assert "1 booked" in client.get(training_url(world.programme, "people/")).page.text()

    today = timezone.localdate()
    response = client.post(url + f"records/{record.pk}/done/", {"done_on": today.isoformat()})
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.status, record.completed_on) == (TrainingRecord.Status.DONE, today)
    assert informed(world) == (1, 1)


def test_done_training_cannot_be_dated_in_the_future(world, as_user):
    [admin] = add_staff(world.service, "admin")
    films = entry(world.service, "ti-films")
    record = training.add_record(admin, films, timezone.localdate() + timedelta(days=3), by=world.lead, status="booked")
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    url = training_url(world.programme, f"people/{admin.pk}/records/{record.pk}/done/")
    page = as_user(world.lead).post(url, {"done_on": tomorrow}).page
    assert page.title.startswith("Error: ")
    record.refresh_from_db()
    assert record.status == TrainingRecord.Status.BOOKED
