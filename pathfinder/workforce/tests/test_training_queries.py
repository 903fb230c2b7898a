"""The training pages make the same number of queries however many staff,
records and plan lines there are."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.testing.factories import MembershipFactory
from pathfinder.workforce import plans, training
from pathfinder.workforce.models import CatalogueEntry, PlanLine, StaffMember, TrainingRecord, WorkforceProfile
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
    others = StaffMember.objects.bulk_create(
        [StaffMember(service=world.service, name=f"Someone {number}", job_role="admin") for number in range(2 * people)]
    )
    TrainingRecord.objects.bulk_create(
        [
            TrainingRecord(staff=person, entry=item, completed_on=date(2026, 1, 5), refresh_due_on=date(2026, 2, 5))
            for person in others
            for item in entries[:2]
        ]
        + [
            TrainingRecord(staff=person, entry=entries[2], completed_on=date(2027, 1, 5), status="booked")
            for person in others
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
        plan = plans.draft_plan(world.programme, None, world.lead)
        PlanLine.objects.filter(plan=plan).update(owner=world.memberships.member, due_on=date(2027, 3, 31))
        return f"/training-plans/{plan.pk}/"

    compare(world, as_user(world.lead), latest_plan)


def test_the_catalogue_and_a_person_do_not_grow(world, as_user):
    client = as_user(world.lead)
    compare(world, client, f"/programmes/{world.programme.pk}/training/catalogue/")
    [person] = add_staff(world.service, "practitioner")
    compare(world, client, f"/programmes/{world.programme.pk}/training/people/{person.pk}/")


def test_someone_without_an_account_and_the_register_download_do_not_grow(world, as_user):
    client = as_user(world.lead)
    person = training.add_staff_member(world.service, name="Morag Ross", job_role="admin", by=None)
    training.add_record(person, entry(world.service, "ti-films"), date(2026, 1, 5), by=None)
    compare(world, client, f"/programmes/{world.programme.pk}/training/staff/{person.pk}/")
    compare(world, client, f"/programmes/{world.programme.pk}/training/people/download.csv")


def test_a_plan_line_page_does_not_grow(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    line = plan.lines.first()
    compare(world, as_user(world.lead), f"/training-plans/{plan.pk}/lines/{line.pk}/")
