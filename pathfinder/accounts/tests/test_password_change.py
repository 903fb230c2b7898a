"""Changing the password keeps this session and ends every other one."""

from django.test import Client

from pathfinder.accounts.models import UserSession
from pathfinder.accounts.tests.conftest import is_signed_in, session_key, sign_in
from pathfinder.testing.factories import TEST_PASSWORD

NEW_PASSWORD = "kettle orchard lantern violet"


def _change(client):
    return client.post(
        "/accounts/password/change/",
        {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def test_it_keeps_this_session_signed_in(world, signed_out):
    sign_in(signed_out, world.member.email)

    response = _change(signed_out)

    assert response.status_code == 302
    assert is_signed_in(signed_out)


def test_it_gives_this_session_a_new_key_and_keeps_track_of_it(world, signed_out):
    sign_in(signed_out, world.member.email)
    before = session_key(signed_out)

    _change(signed_out)

    after = session_key(signed_out)
    assert after != before
    assert list(UserSession.objects.filter(user=world.member).values_list("session_key", flat=True)) == [after]


def test_it_signs_out_other_sessions(world, signed_out):
    elsewhere = Client()
    sign_in(elsewhere, world.member.email)
    sign_in(signed_out, world.member.email)

    _change(signed_out)

    assert not is_signed_in(elsewhere)
    assert is_signed_in(signed_out)
