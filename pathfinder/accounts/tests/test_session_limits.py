"""Sessions end after 30 minutes without use, and 12 hours after signing in
however busy they have been (OWASP ASVS L2)."""

import time
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from pathfinder.accounts.models import UserSession
from pathfinder.accounts.signals import LOGIN_AT
from pathfinder.accounts.tests.conftest import events, is_signed_in, session_key, sign_in

SIGNED_OUT_MESSAGE = (
    "You have been signed in for 12 hours, so we signed you out to keep things safe. Please sign in again."
)


def _minutes_left(client) -> float:
    session = Session.objects.get(session_key=session_key(client))
    return (session.expire_date - timezone.now()).total_seconds() / 60


def _signed_in_hours_ago(client, hours: float) -> None:
    session = client.session
    session[LOGIN_AT] = time.time() - hours * 60 * 60
    session.save()


def test_it_gives_a_session_30_minutes(world, signed_out):
    sign_in(signed_out, world.lead.email)

    assert 29 < _minutes_left(signed_out) <= 30


def test_it_keeps_the_cookie_away_from_scripts_and_other_sites(world, signed_out):
    sign_in(signed_out, world.lead.email)

    cookie = signed_out.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["expires"] == "", "the cookie ends when the browser closes"


def test_it_gives_30_more_minutes_on_each_request(world, signed_out):
    sign_in(signed_out, world.lead.email)
    Session.objects.filter(session_key=session_key(signed_out)).update(
        expire_date=timezone.now() + timedelta(minutes=5)
    )

    assert is_signed_in(signed_out)
    assert 29 < _minutes_left(signed_out) <= 30


def test_it_signs_out_a_session_left_idle(world, signed_out):
    sign_in(signed_out, world.lead.email)
    Session.objects.filter(session_key=session_key(signed_out)).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    response = signed_out.get("/account/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/account/"


def test_it_keeps_a_session_under_12_hours_old(world, signed_out):
    sign_in(signed_out, world.lead.email)
    _signed_in_hours_ago(signed_out, 11.9)

    assert is_signed_in(signed_out)


def test_it_signs_out_a_session_12_hours_after_sign_in(world, signed_out):
    sign_in(signed_out, world.lead.email)
    key = session_key(signed_out)
    _signed_in_hours_ago(signed_out, 12.1)

    response = signed_out.get("/account/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert not Session.objects.filter(session_key=key).exists()
    assert not UserSession.objects.filter(user=world.lead).exists()
    assert [event.actor for event in events("auth.sign_out")] == [world.lead]


def test_it_says_why_it_signed_you_out(world, signed_out):
    sign_in(signed_out, world.lead.email)
    _signed_in_hours_ago(signed_out, 12.1)

    response = signed_out.get("/account/", follow=True)

    assert response.redirect_chain == [("/accounts/login/", 302)]
    page = response.page
    assert page.title.startswith("Sign in")
    assert SIGNED_OUT_MESSAGE in page.text()
    assert not is_signed_in(signed_out)
