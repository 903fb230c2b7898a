"""Consent comes before any note; withdrawing it deletes the notes, audited."""

from pathfinder.core.models import AuditEvent
from pathfinder.discovery.models import InterviewNote, InterviewTag
from pathfinder.discovery.services import interviews as services
from pathfinder.discovery.tests.interview_factories import interview, tag
from pathfinder.programmes.models import Finding


def test_it_refuses_the_notes_page_until_consent_is_recorded(world, as_user):
    made = interview(world, consent=False)
    client = as_user(world.lead)
    page = client.get(f"/interviews/{made.pk}/notes/").page
    assert "Notes can only be written once consent is recorded" in page.text()
    assert not page.css("textarea")
    client.post(f"/interviews/{made.pk}/notes/", {"version": made.version, "area_role": "Typed anyway"})
    assert not InterviewNote.objects.exists()


def test_it_refuses_notes_in_the_service_too(world):
    made = interview(world, consent=False)
    try:
        services.save_notes(made, texts={"role": "x"}, version=made.version, by=world.lead)
    except services.NoConsent:
        pass
    else:
        raise AssertionError("notes were saved without consent")
    assert not InterviewNote.objects.exists()


def test_it_asks_everyone_agreed_before_recording_consent(world, as_user):
    made = interview(world, consent=False)
    client = as_user(world.lead)
    response = client.post(f"/interviews/{made.pk}/consent/", {"version": made.version, "may_record": "no"})
    assert response.page.title.startswith("Error: ")
    assert "Notes can only be written once everyone has agreed to take part." in response.page.text()
    response = client.post(
        f"/interviews/{made.pk}/consent/", {"version": made.version, "take_part": "on", "may_record": "no"}
    )
    assert response["Location"] == f"/interviews/{made.pk}/notes/"
    made.refresh_from_db()
    assert made.has_consent and not made.may_record


def test_it_deletes_the_notes_when_consent_is_withdrawn(world, as_user):
    made = interview(world)
    services.save_notes(made, texts={"role": "Works nights"}, version=made.version, by=world.lead)
    services.make_finding(tag(made, world), by=world.lead)
    client = as_user(world.lead)
    page = client.get(f"/interviews/{made.pk}/withdraw/").page
    assert "Withdraw consent and delete the notes?" in page.text()
    response = client.post(f"/interviews/{made.pk}/withdraw/", {"confirmed": "yes"})
    assert response.status_code == 302
    assert not InterviewNote.objects.exists()
    assert not InterviewTag.objects.exists()
    assert not Finding.objects.filter(source_type="interview").exists()
    event = AuditEvent.objects.get(kind=services.CONSENT_WITHDRAWN)
    assert event.detail == {"notes": 1, "tags": 1, "findings_removed": 1, "findings_kept": 0}
    assert "Works nights" not in str(event.detail)
    page = client.get(f"/interviews/{made.pk}/notes/").page
    assert "Consent for this interview was withdrawn" in page.text()
