"""The activity log records what happens to an account: a second-step code
that was not accepted, a password changed, a password reset from a link."""

import re

import pytest
from django.core import mail

from pathfinder.accounts.tests.conftest import events, sign_in
from pathfinder.accounts.tests.test_two_step import _with_authenticator
from pathfinder.testing.authenticator import authenticator_code
from pathfinder.testing.factories import TEST_PASSWORD

NEW_PASSWORD = "kettle orchard lantern violet"


@pytest.fixture
def required(settings):
    settings.PATHFINDER_REQUIRE_MFA = True


def test_it_records_a_second_step_code_that_was_not_accepted(world, required, signed_out):
    secret = _with_authenticator(world.lead)
    sign_in(signed_out, world.lead.email)
    wrong = f"{(int(authenticator_code(secret)) + 1) % 1_000_000:06d}"

    signed_out.post("/accounts/2fa/authenticate/", {"code": wrong})

    [event] = events("auth.mfa_failed")
    assert event.target_id == str(world.lead.pk)
    assert event.detail == {"type": "totp"}
    assert wrong not in str(event.detail)


def test_it_records_a_password_change(world, signed_out):
    sign_in(signed_out, world.member.email)

    signed_out.post(
        "/accounts/password/change/",
        {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    [event] = events("auth.password_changed")
    assert event.actor == world.member
    assert event.target_id == str(world.member.pk)


def test_it_records_a_reset_request_and_the_reset(world, signed_out):
    signed_out.post("/accounts/password/reset/", {"email": world.member.email})
    [requested] = events("auth.password_reset_requested")
    assert requested.target_id == str(world.member.pk)
    [message] = mail.outbox
    [path] = re.findall(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body)
    form = signed_out.get(path, follow=True)

    signed_out.post(form.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    [event] = events("auth.password_reset")
    assert event.target_id == str(world.member.pk)
