"""Every django-allauth page we serve uses our templates and keeps the page
invariants; the pages we have switched off answer 404."""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from pathfinder.accounts.tests.conftest import sign_in
from pathfinder.testing.factories import TEST_PASSWORD

# Our templates all extend base.html, so they carry the product name in the title.
OURS = " – Pathfinder"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/accounts/login/", "Sign in"),
        ("/accounts/password/reset/", "Reset your password"),
        ("/accounts/password/reset/done/", "Check your email"),
        ("/accounts/password/reset/key/done/", "Your password has been changed"),
        ("/accounts/inactive/", "This account is not active"),
    ],
)
def test_it_renders_the_signed_out_pages(db, signed_out, path, title):
    response = signed_out.get(path)

    assert response.status_code == 200
    assert response.page.title == title + OURS


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/accounts/password/change/", "Change your password"),
        ("/accounts/2fa/", "Two-step verification"),
        ("/accounts/reauthenticate/", "Confirm it is you"),
        ("/accounts/logout/", "Sign out"),
    ],
)
def test_it_renders_the_signed_in_pages(world, as_user, path, title):
    response = as_user(world.member).get(path)

    assert response.status_code == 200
    assert response.page.title == title + OURS


def test_it_renders_the_authenticator_set_up_page(world, signed_out):
    sign_in(signed_out, world.member.email)
    signed_out.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})

    response = signed_out.get("/accounts/2fa/totp/activate/")

    assert response.status_code == 200
    assert response.page.title == "Set up an authenticator app" + OURS


def test_it_renders_the_code_page_when_signing_in(world, signed_out):
    TOTP.activate(world.member, generate_totp_secret())
    sign_in(signed_out, world.member.email)

    response = signed_out.get("/accounts/2fa/authenticate/")

    assert response.status_code == 200
    assert response.page.title == "Enter your code" + OURS


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/accounts/2fa/", "Two-step verification"),
        ("/accounts/2fa/reauthenticate/", "Confirm it is you"),
        ("/accounts/2fa/totp/deactivate/", "Turn off two-step verification"),
        ("/accounts/2fa/recovery-codes/", "Recovery codes"),
        ("/accounts/2fa/recovery-codes/generate/", "Make new recovery codes"),
    ],
)
def test_it_renders_the_pages_for_an_authenticator_in_use(world, as_user, path, title):
    TOTP.activate(world.member, generate_totp_secret())
    RecoveryCodes.activate(world.member)
    client = as_user(world.member)
    client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})

    response = client.get(path)

    assert response.status_code == 200
    assert response.page.title == title + OURS


def test_it_signs_out_from_the_confirmation_page(world, as_user):
    client = as_user(world.member)
    page = client.get("/accounts/logout/").page

    [form] = page.css("main form")
    response = client.post(form.get("action"))

    assert response.status_code == 302
    assert client.get("/account/").status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/signup/",
        "/accounts/email/",
        "/accounts/confirm-email/",
        "/accounts/password/set/",
        "/accounts/login/code/",
        "/accounts/reauthenticate/code/",
    ],
)
def test_it_answers_404_for_pages_that_are_switched_off(world, as_user, path):
    for who in (None, world.member):
        response = as_user(who).get(path)

        assert response.status_code == 404
        assert response.page.title.startswith("Page not found")
