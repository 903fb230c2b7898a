"""A facilitator can correct a note (someone wrote a name) or remove it. The
change is recorded in the activity log, and a removed note leaves no words behind."""

import json

from pathfinder.core.models import AuditEvent
from pathfinder.lens import services
from pathfinder.lens.models import JourneyNote
from pathfinder.lens.tests.conftest import close, note


def test_the_facilitator_corrects_a_note(world, as_user, open_event, stages):
    written = note(open_event, stages[0], text="Dr Smith never calls back.")
    client = as_user(world.member)
    page = client.get(f"/lens-notes/{written.pk}/").page
    assert page.css("textarea[name=text]")[0].text == "Dr Smith never calls back."
    response = client.post(
        f"/lens-notes/{written.pk}/",
        {
            "kind": "barrier",
            "text": "The worker never calls back.",
            "principles": ["trust"],
            "participant_kind": "not_recorded",
        },
    )
    assert response.status_code == 302
    written.refresh_from_db()
    assert written.text == "The worker never calls back."
    event = AuditEvent.objects.get(kind="lens.note_corrected")
    assert event.actor == world.member and "Smith" not in json.dumps(event.detail)


def test_a_correction_also_corrects_the_finding_made_from_the_note(world, as_user, open_event, stages):
    written = note(open_event, stages[0], text="Dr Smith never calls back.")
    finding, _ = services.make_note_finding(written, theme="service_design", by=world.lead)
    as_user(world.lead).post(
        f"/lens-notes/{written.pk}/",
        {"kind": "barrier", "text": "The worker never calls back.", "principles": ["trust"]},
    )
    finding.refresh_from_db()
    assert "Smith" not in finding.text and "The worker never calls back." in finding.text


def test_the_facilitator_removes_a_note_after_confirming(world, as_user, open_event, stages):
    written = note(open_event, stages[0], text="Dr Smith never calls back.")
    client = as_user(world.lead)
    page = client.get(f"/lens-notes/{written.pk}/remove/").page
    assert "What cannot be undone" in page.text()
    assert client.post(f"/lens-notes/{written.pk}/remove/").status_code == 200
    assert JourneyNote.objects.filter(pk=written.pk).exists()
    response = client.post(f"/lens-notes/{written.pk}/remove/", {"confirmed": "yes"})
    assert response.status_code == 302
    assert not JourneyNote.objects.filter(pk=written.pk).exists()
    recorded = AuditEvent.objects.get(kind="lens.note_removed")
    assert "Smith" not in json.dumps(recorded.detail)
    assert "Smith" not in "".join(str(row.detail) for row in AuditEvent.objects.all())


def test_a_closed_event_can_still_be_corrected(world, as_user, open_event, stages):
    written = note(open_event, stages[0], text="Dr Smith never calls back.")
    close(open_event, world)
    as_user(world.lead).post(
        f"/lens-notes/{written.pk}/",
        {"kind": "barrier", "text": "The worker never calls back.", "principles": ["trust"]},
    )
    written.refresh_from_db()
    assert written.text == "The worker never calls back."


def test_only_facilitators_correct_notes(world, as_user, open_event, stages):
    written = note(open_event, stages[0])
    assert as_user(world.viewer).get(f"/lens-notes/{written.pk}/").status_code == 403
    assert as_user(world.outsider).get(f"/lens-notes/{written.pk}/").status_code == 404
    assert as_user(world.viewer).post(f"/lens-notes/{written.pk}/remove/", {"confirmed": "yes"}).status_code == 403
