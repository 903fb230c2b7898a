"""The training register: the lead records each person's job role and the
training they have completed, and removes a record made in error."""

from datetime import date

from django.utils import timezone

from pathfinder.core.models import AuditEvent
from pathfinder.workforce import training
from pathfinder.workforce.models import TrainingRecord, WorkforceProfile
from pathfinder.workforce.tests.conftest import add_staff, entry, training_url


def person_url(world, membership, rest=""):
    return training_url(world.programme, f"people/{membership.pk}/{rest}")


def test_it_lists_staff_with_their_role_level_and_training(world, as_user):
    [practitioner] = add_staff(world.service, "practitioner")
    training.add_record(practitioner, entry(world.service, "ti-elearning"), date(2026, 3, 2), by=None)
    page = as_user(world.lead).get(training_url(world.programme, "people/")).page
    rows = {
        row.cssselect("td")[0].text_content().split(" ", 1)[1]: [
            " ".join(cell.text_content().split()) for cell in row.cssselect("td")[1:]
        ]
        for row in page.css("tbody tr")
    }
    assert rows[practitioner.user.full_name] == [
        "Job role Practitioner or key worker",
        "Level needed Trauma-skilled",
        "Training done 1 done, latest 2 Mar 2026",
        "Levels still to do Trauma-skilled",
    ]
    assert rows["Bob Member"][0] == "Job role Not recorded"
    assert "Charlie Outsider" not in rows


def test_the_lead_sets_a_job_role(world, as_user):
    client = as_user(world.lead)
    membership = world.memberships.member
    # No job role yet, so no version: the form carries NO_PROFILE (0, shown as 0, not as an empty box).
    assert client.get(person_url(world, membership)).page.css("input[name=version]")[0].get("value") == str(
        training.NO_PROFILE
    )
    response = client.post(person_url(world, membership), {"job_role": "peer_worker", "version": ""})
    assert response.status_code == 302
    assert WorkforceProfile.objects.get(membership=membership).job_role == "peer_worker"
    client.post(person_url(world, membership), {"job_role": "practitioner", "version": "1"})
    profile = WorkforceProfile.objects.get(membership=membership)
    assert (profile.job_role, profile.version) == ("practitioner", 2)
    assert AuditEvent.objects.filter(kind="training.job_role_set", target_id=str(membership.pk)).count() == 2


def test_a_stale_job_role_is_refused(world, as_user):
    membership = world.memberships.member
    training.set_job_role(membership, "admin", version=training.NO_PROFILE, by=None)
    page = as_user(world.lead).post(person_url(world, membership), {"job_role": "clinician", "version": "0"}).page
    assert page.title.startswith("Error: ")
    assert "it is now “Admin, reception or support staff”" in page.text()
    assert page.css("input[name=job_role][value=clinician]")[0].get("checked") is not None
    assert WorkforceProfile.objects.get(membership=membership).job_role == "admin"


def test_the_lead_records_and_removes_training(world, as_user):
    client = as_user(world.lead)
    membership = world.memberships.member
    films = entry(world.service, "ti-films")
    response = client.post(
        person_url(world, membership, "records/"), {"entry": films.pk, "status": "done", "completed_on": "2026-10-01"}
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get(membership=membership)
    assert (record.entry, record.completed_on, record.recorded_by) == (films, date(2026, 10, 1), world.lead)
    page = client.get(person_url(world, membership)).page
    assert "Short films on trauma-informed practice" in page.css("#records ~ table")[0].text_content()
    response = client.post(person_url(world, membership, f"records/{record.pk}/remove/"))
    assert response.status_code == 302
    assert not TrainingRecord.objects.filter(membership=membership).exists()
    assert [event.kind for event in AuditEvent.objects.filter(kind__startswith="training.record")] == [
        "training.record_removed",
        "training.record_added",
    ]


def test_a_date_in_the_future_is_refused_and_the_form_keeps_it(world, as_user):
    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    films = entry(world.service, "ti-films")
    page = (
        as_user(world.lead)
        .post(
            person_url(world, world.memberships.member, "records/"),
            {"entry": films.pk, "status": "done", "completed_on": tomorrow},
        )
        .page
    )
    assert page.error_summary() == [
        "The date training was done cannot be in the future. If it is still to come, choose “booked”."
    ]
    assert page.css("#id_completed_on")[0].get("value") == tomorrow
    assert page.css(f"#id_entry option[value='{films.pk}']")[0].get("selected") is not None


def test_switched_off_training_cannot_be_recorded(world, as_user):
    films = entry(world.service, "ti-films")
    films.active = False
    films.save()
    page = (
        as_user(world.lead)
        .post(
            person_url(world, world.memberships.member, "records/"),
            {"entry": films.pk, "status": "done", "completed_on": "2026-10-01"},
        )
        .page
    )
    assert page.title.startswith("Error: ")
    assert not TrainingRecord.objects.exists()


def test_someone_elses_record_cannot_be_removed_through_another_person(world, as_user):
    [first] = add_staff(world.service, "admin")
    record = training.add_record(first, entry(world.service, "ti-films"), date(2026, 1, 1), by=None)
    as_user(world.lead).post(person_url(world, world.memberships.member, f"records/{record.pk}/remove/"))
    assert TrainingRecord.objects.filter(pk=record.pk).exists()


def test_a_member_of_another_service_is_not_found(world, as_user):
    assert as_user(world.lead).get(person_url(world, world.memberships.outsider)).status_code == 404
