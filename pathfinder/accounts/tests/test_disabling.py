"""Disabling an account signs it out everywhere and keeps it out."""

import pytest
from django.test import Client

from pathfinder.accounts.models import UserSession
from pathfinder.accounts.tests.conftest import events, is_signed_in, session_exists, session_key, sign_in
from pathfinder.testing.factories import TEST_PASSWORD

NEW_PASSWORD = "kettle orchard lantern violet"


@pytest.fixture
def two_browsers(world):
    """The member, signed in on two devices."""
    browsers = [Client(), Client()]
    for browser in browsers:
        sign_in(browser, world.member.email)
        assert is_signed_in(browser)
    return browsers


def test_it_signs_the_person_out_everywhere(world, two_browsers):
    keys = [session_key(browser) for browser in two_browsers]

    world.member.disable(by=world.admin)

    assert not any(session_exists(key) for key in keys)
    assert not UserSession.objects.filter(user=world.member).exists()
    assert not any(is_signed_in(browser) for browser in two_browsers)


def test_it_leaves_other_people_signed_in(world, two_browsers):
    other = Client()
    sign_in(other, world.lead.email)

    world.member.disable(by=world.admin)

    assert is_signed_in(other)


def test_it_records_who_disabled_the_account(world, two_browsers):
    world.member.disable(by=world.admin)

    [event] = events("auth.user_disabled")
    assert event.actor == world.admin
    assert (event.target_type, event.target_id) == ("accounts.user", str(world.member.pk))


def test_it_records_disabling_once(world):
    world.member.disable(by=world.admin)
    world.member.disable(by=world.admin)

    assert len(events("auth.user_disabled")) == 1


def test_it_refuses_to_sign_in_a_disabled_account(world, signed_out):
    world.member.disable(by=world.admin)

    response = sign_in(signed_out, world.member.email)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/inactive/"
    assert signed_out.get("/accounts/inactive/").page.title.startswith("This account is not active")
    assert not is_signed_in(signed_out)
    assert not events("auth.sign_in")


def test_it_gives_a_disabled_account_the_usual_error_for_a_wrong_password(world, signed_out):
    world.member.disable(by=world.admin)

    response = sign_in(signed_out, world.member.email, "not-the-right-password")

    assert response.page.error_summary() == ["The email address and/or password you specified are not correct."]


def test_it_ends_a_session_that_changed_its_password(world, signed_out):
    sign_in(signed_out, world.member.email)
    old_key = session_key(signed_out)
    changed = signed_out.post(
        "/accounts/password/change/",
        {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert changed.status_code == 302
    key = session_key(signed_out)
    assert key != old_key, "Django gives a new session key when the password changes"

    world.member.disable(by=world.admin)
    world.member.is_active = True
    world.member.save()

    assert not session_exists(key)
    assert not is_signed_in(signed_out)
