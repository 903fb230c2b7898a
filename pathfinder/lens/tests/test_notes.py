"""Participants add notes at each stage of their group's journeys."""

from pathfinder.lens.models import JourneyNote
from pathfinder.lens.tests.conftest import close, journey_of


def stage_url(event, stage, group=0):
    return f"/lens-journeys/{journey_of(event, group).pk}/stages/{stage.pk}/"


GOOD = {"kind": "barrier", "text": "  The letter uses jargon.  ", "principles": ["trust", "empowerment"]}


def test_a_participant_adds_a_note(world, as_user, open_event, stages):
    client = as_user(world.member)
    response = client.post(stage_url(open_event, stages[1]), GOOD, follow=True)
    assert "Your note is added." in response.content.decode()
    saved = JourneyNote.objects.get()
    assert saved.text == "The letter uses jargon."
    assert saved.principles == ["trust", "empowerment"]
    assert saved.stage == stages[1] and saved.participant_kind == ""
    assert "The letter uses jargon." in client.get(stage_url(open_event, stages[1])).page.text()


def test_an_empty_note_is_explained(world, as_user, open_event, stages):
    response = as_user(world.member).post(stage_url(open_event, stages[1]), GOOD | {"text": "   \n  "})
    assert response.page.title.startswith("Error: ")
    assert "Write the note before adding it." in response.page.error_summary()
    assert not JourneyNote.objects.exists()


def test_a_note_needs_a_principle_and_a_kind(world, as_user, open_event, stages):
    response = as_user(world.member).post(stage_url(open_event, stages[1]), {"text": "Kept words"})
    summary = response.page.error_summary()
    assert "Choose at least one of the five principles." in summary
    assert "Choose whether this works well, is a barrier or is an idea." in summary
    assert response.page.css("textarea[name=text]")[0].text == "Kept words"


def test_a_long_note_is_explained(world, as_user, open_event, stages):
    response = as_user(world.member).post(stage_url(open_event, stages[1]), GOOD | {"text": "x" * 501})
    assert "The note must be 500 characters or fewer" in " ".join(response.page.error_summary())


def test_a_note_after_the_event_closed_is_refused_and_nothing_is_lost(world, as_user, open_event, stages):
    client = as_user(world.member)
    page = client.get(stage_url(open_event, stages[1])).page
    assert page.css("textarea[name=text]")
    close(open_event, world)
    response = client.post(stage_url(open_event, stages[1]), GOOD | {"text": "Written as the event closed"})
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert "The event has closed, so new notes cannot be added" in response.page.text()
    assert response.page.css("textarea[name=text]")[0].text == "Written as the event closed"
    assert not response.page.css("#maincontent form button[type=submit].nhsuk-button")
    assert not JourneyNote.objects.exists()


def test_notes_wait_until_the_event_opens(world, as_user, event, stages):
    client = as_user(world.member)
    assert "Notes can be added once the lead opens the event." in client.get(stage_url(event, stages[1])).page.text()
    response = client.post(stage_url(event, stages[1]), GOOD)
    assert "The event has not started yet" in response.page.text()
    assert not JourneyNote.objects.exists()


def test_another_groups_journey_is_not_theirs(world, as_user, open_event, stages, adviser):
    from pathfinder.lens import services

    services.add_members(
        open_event, [adviser.memberships.get()], group=open_event.groups.order_by("position").last(), by=world.lead
    )
    assert as_user(adviser).post(stage_url(open_event, stages[1], group=0), GOOD).status_code == 403
    # Facilitators may add notes to any group (for people without an account).
    assert as_user(world.member).post(stage_url(open_event, stages[1], group=2), GOOD).status_code == 302


def test_a_stage_from_another_service_is_not_found(world, as_user, open_event, stages):
    from pathfinder.lens import services

    theirs = services.add_stage(world.other_service, name="Elsewhere")
    url = f"/lens-journeys/{journey_of(open_event).pk}/stages/{theirs.pk}/"
    assert as_user(world.member).get(url).status_code == 404
