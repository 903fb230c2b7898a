"""Closing an event asks first, on a page that says what will happen; it
cannot be closed before the day it is held."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.lens.models import LensEvent


def test_it_asks_before_closing(world, as_user, open_event):
    page = as_user(world.lead).get(f"/lens-events/{open_event.pk}/close/").page
    assert page.title.startswith("Close the event?")
    assert "What will happen" in page.text() and "What cannot be undone" in page.text()
    assert page.css("form input[name=confirmed][value=yes]")
    open_event.refresh_from_db()
    assert open_event.status == "open"


def test_a_post_without_confirmation_shows_the_question_and_changes_nothing(world, as_user, open_event):
    client = as_user(world.lead)
    for url in (f"/lens-events/{open_event.pk}/close/", f"/lens-events/{open_event.pk}/status/"):
        response = client.post(url, {"action": "close", "version": open_event.version})
        assert response.status_code == 200
        assert "Nothing has been changed yet" in response.page.text()
        assert response.page.css(f"form[action='/lens-events/{open_event.pk}/close/'] input[name=confirmed]")
    open_event.refresh_from_db()
    assert open_event.status == "open"


def test_it_closes_once_confirmed(world, as_user, open_event):
    response = as_user(world.lead).post(
        f"/lens-events/{open_event.pk}/close/", {"version": open_event.version, "confirmed": "yes"}
    )
    assert response.status_code == 302
    open_event.refresh_from_db()
    assert open_event.status == "closed"


def test_it_cannot_be_closed_before_the_day_it_is_held(world, as_user, open_event):
    tomorrow = timezone.localdate() + timedelta(days=1)
    LensEvent.objects.filter(pk=open_event.pk).update(held_on=tomorrow)
    client = as_user(world.lead)
    response = client.post(
        f"/lens-events/{open_event.pk}/close/", {"version": open_event.version, "confirmed": "yes"}, follow=True
    )
    assert "has not come yet" in response.page.text()
    open_event.refresh_from_db()
    assert open_event.status == "open"
    assert client.get(f"/lens-events/{open_event.pk}/close/", follow=True).page.css("input[name=confirmed]") == []
    page = client.get(f"/lens-events/{open_event.pk}/").page
    assert "You can close the event from" in page.text()
    assert not page.css(f"a[href='/lens-events/{open_event.pk}/close/']")
