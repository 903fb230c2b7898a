"""People are told, on every signed-in page and without JavaScript, when they
will be signed out; the page carries the seconds left for the script that
warns a few minutes before; "Stay signed in" gives the usual 30 minutes, never
more than 12 hours after signing in."""

import json
import re
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from pathfinder.accounts.tests.conftest import is_signed_in, session_key, sign_in
from pathfinder.accounts.tests.test_session_limits import _signed_in_hours_ago


def _note(page):
    [note] = page.css("[data-session-seconds]")
    return note


def test_it_shows_when_the_session_will_end(world, signed_out):
    sign_in(signed_out, world.lead.email)

    page = signed_out.get("/account/").page

    note = _note(page)
    assert 1790 <= int(note.get("data-session-seconds")) <= 1800
    assert re.search(r"you will be signed out at \d{1,2}:\d\d", " ".join(note.text_content().split()))
    assert "Opening a page or saving keeps you signed in" in note.text_content()


def test_it_counts_down_to_the_12_hour_limit_when_that_comes_first(world, signed_out):
    sign_in(signed_out, world.lead.email)
    _signed_in_hours_ago(signed_out, 11.9)

    note = _note(signed_out.get("/account/").page)

    assert 300 <= int(note.get("data-session-seconds")) <= 360
    assert "12 hours after you signed in" in note.text_content()


def test_it_is_not_shown_to_someone_signed_out(world, signed_out):
    page = signed_out.get("/about/").page

    assert not page.css("[data-session-seconds]")


def test_stay_signed_in_answers_with_the_time_left(world, signed_out):
    sign_in(signed_out, world.lead.email)
    _signed_in_hours_ago(signed_out, 11.9)

    response = signed_out.post("/account/stay-signed-in/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert 300 <= json.loads(response.content)["seconds"] <= 360


def test_stay_signed_in_without_javascript_goes_back(world, signed_out):
    sign_in(signed_out, world.lead.email)

    response = signed_out.post("/account/stay-signed-in/", {"next": "/account/"})

    assert response["Location"] == "/account/"


def test_stay_signed_in_cannot_bring_back_an_ended_session(world, signed_out):
    sign_in(signed_out, world.lead.email)
    Session.objects.filter(session_key=session_key(signed_out)).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    response = signed_out.post("/account/stay-signed-in/", HTTP_ACCEPT="application/json")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not is_signed_in(signed_out)
