"""Signing in and out through django-allauth's real forms."""

import hashlib

from django.contrib.sessions.backends.db import SessionStore

from pathfinder.accounts.models import UserSession
from pathfinder.accounts.tests.conftest import events, is_signed_in, session_exists, session_key, sign_in
from pathfinder.testing.factories import TEST_PASSWORD


def _planted_session(client) -> str:
    """A session someone else chose, as in a session-fixation attack."""
    session = SessionStore()
    session["planted"] = True
    session.create()
    client.cookies["sessionid"] = session.session_key
    return session.session_key


def test_it_signs_in_with_the_right_password(world, signed_out):
    response = sign_in(signed_out, world.lead.email)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert is_signed_in(signed_out)


def test_it_gives_a_new_session_key_on_sign_in(world, signed_out):
    planted = _planted_session(signed_out)

    sign_in(signed_out, world.lead.email)

    assert session_key(signed_out) not in {None, planted}
    assert not session_exists(planted)
    assert is_signed_in(signed_out)


def test_it_goes_on_to_the_page_asked_for(world, signed_out):
    response = signed_out.post(
        "/accounts/login/", {"login": world.lead.email, "password": TEST_PASSWORD, "next": "/account/"}
    )

    assert response["Location"] == "/account/"


def test_it_never_goes_on_to_another_site(world, signed_out):
    response = signed_out.post(
        "/accounts/login/",
        {"login": world.lead.email, "password": TEST_PASSWORD, "next": "https://evil.example/account/"},
    )

    assert response["Location"] == "/"


def test_it_records_the_sign_in(world, signed_out):
    sign_in(signed_out, world.lead.email)

    [event] = events("auth.sign_in")
    assert event.actor == world.lead


def test_it_tracks_the_session(world, signed_out):
    sign_in(signed_out, world.lead.email)

    [tracked] = UserSession.objects.filter(user=world.lead)
    assert tracked.session_key == session_key(signed_out)
    assert session_exists(tracked.session_key)


def test_it_shows_the_form_again_for_a_wrong_password(world, signed_out):
    response = sign_in(signed_out, world.lead.email, "not-the-right-password")

    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.error_summary() == ["The email address and/or password you specified are not correct."]
    [typed] = response.page.css("input[name=login]")
    assert typed.get("value") == world.lead.email
    assert not is_signed_in(signed_out)


def test_it_records_a_failed_sign_in_without_the_address(world, signed_out):
    sign_in(signed_out, "Alice@Example.org ", "not-the-right-password")
    sign_in(signed_out, "nobody@example.org", "not-the-right-password")

    first, second = sorted(events("auth.sign_in_failed"), key=lambda event: event.pk)
    assert first.detail["attempted"]
    assert first.detail["attempted"] != second.detail["attempted"]
    for event in (first, second):
        assert event.actor is None
        assert "example.org" not in str(event.detail).lower()
        assert "password" not in str(event.detail).lower()


def test_it_gives_the_same_fingerprint_for_the_same_address(world, signed_out):
    sign_in(signed_out, "alice@example.org", "not-the-right-password")
    sign_in(signed_out, "ALICE@example.org", "still-not-the-right-one")

    first, second = events("auth.sign_in_failed")
    assert first.detail["attempted"] == second.detail["attempted"]


def test_it_keys_the_fingerprint_so_it_cannot_be_looked_up(world, signed_out):
    sign_in(signed_out, "alice@example.org", "not-the-right-password")

    [event] = events("auth.sign_in_failed")
    assert event.detail["attempted"] != hashlib.sha256(b"alice@example.org").hexdigest()[:12]


def test_it_names_the_account_a_failed_sign_in_was_for(world, signed_out):
    sign_in(signed_out, world.lead.email, "not-the-right-password")

    [event] = events("auth.sign_in_failed")
    assert event.actor is None
    assert (event.target_type, event.target_id) == ("accounts.user", str(world.lead.pk))


def test_it_signs_out(world, signed_out):
    sign_in(signed_out, world.lead.email)
    key = session_key(signed_out)

    response = signed_out.post("/accounts/logout/")

    assert response.status_code == 302
    assert not is_signed_in(signed_out)
    assert not session_exists(key)
    assert not UserSession.objects.filter(user=world.lead).exists()
    [event] = events("auth.sign_out")
    assert event.actor == world.lead
