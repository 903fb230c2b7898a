"""Setting up an event, opening it, closing it and reopening it."""

from pathfinder.core.models import AuditEvent
from pathfinder.lens import wording
from pathfinder.lens.models import LensEvent


def test_the_lead_sets_up_an_event_from_the_template(world, as_user):
    client = as_user(world.lead)
    response = client.post(
        f"/programmes/{world.programme.pk}/lens/new/",
        {"title": "Lens event, spring", "held_on": "2027-03-18", "place": "Town hall"},
    )
    event = LensEvent.objects.get()
    assert response["Location"] == f"/lens-events/{event.pk}/"
    assert event.agenda == wording.AGENDA and event.stepping_out == wording.STEPPING_OUT
    assert event.status == "draft" and str(event.held_on) == "2027-03-18"
    assert AuditEvent.objects.filter(kind="lens.event_created", actor=world.lead).exists()


def test_a_wrong_date_is_explained_and_the_title_kept(world, as_user):
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/lens/new/", {"title": "Spring event", "held_on": "31 February"}
    )
    assert response.page.title.startswith("Error: ")
    assert "Enter the date as a real date, for example 2027-03-31." in response.page.error_summary()
    assert response.page.css("input[name=title]")[0].get("value") == "Spring event"


def test_it_cannot_open_without_groups(world, as_user):
    client = as_user(world.lead)
    client.post(f"/programmes/{world.programme.pk}/lens/new/", {"title": "Empty"})
    event = LensEvent.objects.get()
    response = client.post(f"/lens-events/{event.pk}/status/", {"action": "open", "version": 1}, follow=True)
    assert "Add at least one group" in response.content.decode()
    event.refresh_from_db()
    assert event.status == "draft"


def test_it_opens_closes_and_reopens_with_the_activity_log(world, as_user, event):
    client = as_user(world.lead)
    client.post(f"/lens-events/{event.pk}/status/", {"action": "open", "version": event.version})
    event.refresh_from_db()
    assert event.status == "open" and event.opened_at
    client.post(f"/lens-events/{event.pk}/status/", {"action": "close", "version": event.version, "confirmed": "yes"})
    event.refresh_from_db()
    assert event.status == "closed" and event.closed_at
    client.post(f"/lens-events/{event.pk}/status/", {"action": "reopen", "version": event.version})
    event.refresh_from_db()
    assert event.status == "open" and event.closed_at is None
    kinds = list(AuditEvent.objects.filter(kind__startswith="lens.event_").values_list("kind", flat=True))
    assert {"lens.event_opened", "lens.event_closed", "lens.event_reopened"} <= set(kinds)


def test_a_move_from_a_stale_page_does_nothing(world, as_user, event):
    client = as_user(world.lead)
    client.post(f"/lens-events/{event.pk}/status/", {"action": "open", "version": event.version})
    response = client.post(
        f"/lens-events/{event.pk}/status/",
        {"action": "close", "version": event.version, "confirmed": "yes"},
        follow=True,
    )
    assert "changed while you had the page open" in response.content.decode()
    event.refresh_from_db()
    assert event.status == "open"


def test_details_and_support_are_saved_and_a_stale_save_keeps_the_words(world, as_user, event):
    client = as_user(world.lead)
    data = {
        "title": "Lens event",
        "held_on": "2027-03-18",
        "starts_at": "09:30",
        "place": "Hall",
        "agenda": "Welcome\nGroups",
        "facilitator_notes": "Meet advisers first",
        "votes_each": "4",
        "version": event.version,
    }
    assert client.post(f"/lens-events/{event.pk}/details/", data).status_code == 302
    event.refresh_from_db()
    assert event.votes_each == 4 and event.starts_at.hour == 9
    response = client.post(f"/lens-events/{event.pk}/support/", {"quiet_space": "Room 2", "version": event.version - 1})
    assert response.page.title.startswith("Error: ")
    assert "Room 2" in response.page.text()
    response = client.post(f"/lens-events/{event.pk}/support/", {"quiet_space": "Room 2", "version": event.version})
    event.refresh_from_db()
    assert event.quiet_space == "Room 2"


def test_votes_each_must_be_sensible(world, as_user, event):
    response = as_user(world.lead).post(
        f"/lens-events/{event.pk}/details/", {"title": "Lens event", "votes_each": "0", "version": event.version}
    )
    assert "Each person needs at least 1 vote." in response.page.error_summary()
