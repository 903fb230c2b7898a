"""Staff who do not use Pathfinder can be in the training register: a name and
a job role, with training like anyone else's, counted in coverage."""

from datetime import date

from pathfinder.workforce import training
from pathfinder.workforce.models import StaffMember
from pathfinder.workforce.tests.conftest import entry, training_url


def test_the_lead_adds_someone_without_an_account_and_records_their_training(world, as_user):
    client = as_user(world.lead)
    response = client.post(
        training_url(world.programme, "staff/new/"), {"name": "  Morag   Ross ", "job_role": "admin"}
    )
    person = StaffMember.objects.get()
    assert (person.service, person.name, person.job_role) == (world.service, "Morag Ross", "admin")
    assert response["Location"] == training_url(world.programme, f"staff/{person.pk}/")
    films = entry(world.service, "ti-films")
    response = client.post(
        training_url(world.programme, f"staff/{person.pk}/records/"),
        {"entry": films.pk, "status": "done", "completed_on": "2026-03-02"},
    )
    assert response.status_code == 302
    assert person.records.get().completed_on == date(2026, 3, 2)
    row = training.coverage(world.service, world.programme).levels[0]
    assert (row.trained, row.needed) == (1, 1)
    listing = client.get(training_url(world.programme, "people/")).page
    assert "Morag Ross" in listing.css("#others ~ table")[0].text_content()
    page = client.get(training_url(world.programme, f"staff/{person.pk}/")).page
    assert "does not have a Pathfinder account" in page.text()


def test_a_name_and_a_role_are_needed(world, as_user):
    page = as_user(world.lead).post(training_url(world.programme, "staff/new/"), {"name": " ", "job_role": ""}).page
    assert page.title.startswith("Error: ")
    assert page.error_summary() == ["Enter the person's name.", "Choose the person's job role."]
    assert not StaffMember.objects.exists()


def test_someone_from_another_service_cannot_be_reached(world, as_user):
    theirs = training.add_staff_member(world.other_service, name="Someone else", job_role="admin", by=None)
    response = as_user(world.lead).get(training_url(world.programme, f"staff/{theirs.pk}/"))
    assert response.status_code == 404
