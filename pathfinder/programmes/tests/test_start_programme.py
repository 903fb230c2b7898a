from pathfinder.core.models import AuditEvent
from pathfinder.programmes.models import Programme, ProgrammePhase
from pathfinder.testing.factories import MembershipFactory, ServiceFactory


def test_a_lead_starts_a_programme_with_three_phases(db, as_user):
    service = ServiceFactory()
    lead = MembershipFactory(service=service, role="programme_lead").user
    client = as_user(lead)
    page = client.get(f"/services/{service.slug}/").page
    assert "Start a trauma-informed practice programme" in page.text()
    response = client.post(f"/services/{service.slug}/", {"name": "Our programme", "started_on": "2027-01-14"})
    programme = Programme.objects.get(service=service)
    assert response["Location"] == f"/programmes/{programme.pk}/"
    phases = {row.phase: row.status for row in programme.phases.all()}
    assert phases == {"familiarise": "in_progress", "plan": "not_started", "implement": "not_started"}
    assert AuditEvent.objects.filter(kind="programme.started", service=service).exists()


def test_it_accepts_dates_the_way_people_type_them(db, as_user):
    service = ServiceFactory()
    lead = MembershipFactory(service=service, role="programme_lead").user
    as_user(lead).post(f"/services/{service.slug}/", {"name": "P", "started_on": "14/1/2027"})
    assert str(Programme.objects.get().started_on) == "2027-01-14"


def test_a_bad_date_is_explained_and_the_name_kept(db, as_user):
    service = ServiceFactory()
    lead = MembershipFactory(service=service, role="programme_lead").user
    response = as_user(lead).post(f"/services/{service.slug}/", {"name": "Kept name", "started_on": "next Tuesday"})
    assert response.page.title.startswith("Error: ")
    assert response.page.css("#id_name")[0].get("value") == "Kept name"
    assert not Programme.objects.exists()


def test_others_are_told_the_lead_will_start_it_and_cannot_start_it(db, as_user):
    service = ServiceFactory()
    staff = MembershipFactory(service=service, role="staff").user
    client = as_user(staff)
    assert "has not started a programme yet" in client.get(f"/services/{service.slug}/").page.text()
    assert client.post(f"/services/{service.slug}/", {"name": "x", "started_on": "2027-01-01"}).status_code == 403
    assert not ProgrammePhase.objects.exists()
