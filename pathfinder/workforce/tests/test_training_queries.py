"""The training pages make the same number of queries however many staff,
records and plan lines there are."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.testing.factories import MembershipFactory
from pathfinder.workforce import plans, training
from pathfinder.workforce.models import CatalogueEntry, TrainingRecord, WorkforceProfile
from pathfinder.workforce.tests.conftest import add_staff, entry


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def grow(world, people: int) -> None:
    """More staff in several roles, each with a few records, and one more entry (so more plan lines)."""
    entries = [entry(world.service, key) for key in ("ti-elearning", "ti-films", "ts-elearning", "reflective-practice")]
    staff = MembershipFactory.create_batch(3 * people, service=world.service)
    roles = ["practitioner", "admin", "clinician"] * people
    WorkforceProfile.objects.bulk_create(
        [WorkforceProfile(membership=member, job_role=role) for member, role in zip(staff, roles, strict=True)]
    )
    TrainingRecord.objects.bulk_create(
        [
            TrainingRecord(membership=member, entry=item, completed_on=date(2026, 1, 5))
            for member in staff
            for item in entries
        ]
    )
    values = {name: getattr(entries[1], name) for name in training.ENTRY_FIELDS} | {"active": True}
    for number in range(people):
        training.add_entry(world.service, values | {"title": f"Another session {people}-{number}"}, by=None)


def compare(world, client, path) -> None:
    grow(world, 1)
    small = queries_for(client, path() if callable(path) else path)
    grow(world, 5)
    large = queries_for(client, path() if callable(path) else path)
    assert large == small, f"{small} queries with little data, {large} with more"


def test_the_overview_does_not_grow(world, as_user):
    plans.draft_plan(world.programme, None, world.lead)
    compare(world, as_user(world.lead), f"/programmes/{world.programme.pk}/training/")


def test_the_people_page_does_not_grow(world, as_user):
    compare(world, as_user(world.lead), f"/programmes/{world.programme.pk}/training/people/")


def test_the_plan_page_does_not_grow(world, as_user):
    training.catalogue_for(world.service)
    # A short catalogue keeps the pages small; `grow` adds entries, so later plans have more lines.
    CatalogueEntry.objects.filter(service=world.service).exclude(key__in=["ti-elearning", "ti-films"]).update(
        active=False
    )

    def latest_plan():
        return f"/training-plans/{plans.draft_plan(world.programme, None, world.lead).pk}/"

    compare(world, as_user(world.lead), latest_plan)


def test_the_catalogue_and_a_person_do_not_grow(world, as_user):
    client = as_user(world.lead)
    compare(world, client, f"/programmes/{world.programme.pk}/training/catalogue/")
    [person] = add_staff(world.service, "practitioner")
    compare(world, client, f"/programmes/{world.programme.pk}/training/people/{person.pk}/")
