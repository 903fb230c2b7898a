"""A stage that notes refer to is retired, never deleted: nothing is lost."""

from pathfinder.core.models import AuditEvent
from pathfinder.lens import services
from pathfinder.lens.models import JourneyNote, Stage
from pathfinder.lens.tests.conftest import journey_of, note


def remove(client, world, stage):
    return client.post(f"/services/{world.service.slug}/pathway/stages/{stage.pk}/remove/", follow=True)


def test_a_stage_without_notes_is_deleted(world, as_user, stages):
    response = remove(as_user(world.lead), world, stages[4])
    assert "is removed from the pathway" in response.content.decode()
    assert not Stage.objects.filter(pk=stages[4].pk).exists()
    assert AuditEvent.objects.filter(kind="lens.stage_deleted").exists()


def test_a_stage_with_notes_is_retired_and_its_notes_kept(world, as_user, stages, open_event):
    note(open_event, stages[2], text="Long waits at assessment")
    client = as_user(world.lead)
    confirm = client.get(f"/services/{world.service.slug}/pathway/stages/{stages[2].pk}/remove/").page.text()
    assert "will be retired rather than deleted" in confirm
    response = remove(client, world, stages[2])
    assert "so it is retired rather than deleted" in response.content.decode()
    stage = Stage.objects.get(pk=stages[2].pk)
    assert stage.retired_at is not None
    assert JourneyNote.objects.get().stage == stage
    # Gone from the pathway everyone sees, still on the event's map with its note.
    pathway = client.get(f"/services/{world.service.slug}/pathway/").page
    assert "Assessment" not in " ".join(h.text_content() for h in pathway.css(".pf-pathway h2"))
    map_text = client.get(f"/lens-events/{open_event.pk}/map/").page.text()
    assert "Assessment No longer on the pathway" in map_text
    assert "Long waits at assessment" in map_text


def test_a_retired_stage_can_come_back(world, as_user, stages, open_event):
    note(open_event, stages[1])
    client = as_user(world.lead)
    remove(client, world, stages[1])
    client.post(f"/services/{world.service.slug}/pathway/stages/{stages[1].pk}/restore/")
    stage = Stage.objects.get(pk=stages[1].pk)
    assert stage.retired_at is None
    assert stage.position == max(s.position for s in Stage.objects.exclude(pk=stage.pk)) + 1


def test_a_note_for_a_stage_retired_meanwhile_is_refused_and_kept_on_the_page(world, as_user, stages, open_event):
    note(open_event, stages[3])
    services.remove_stage(stages[3], by=world.lead)
    journey = journey_of(open_event)
    response = as_user(world.member).post(
        f"/lens-journeys/{journey.pk}/stages/{stages[3].pk}/",
        {"kind": "idea", "text": "Same-day prescribing", "principles": ["safety"]},
    )
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert "was taken off the pathway while you were writing" in response.page.text()
    assert response.page.css("textarea[name=text]")[0].text == "Same-day prescribing"
    assert JourneyNote.objects.count() == 1
