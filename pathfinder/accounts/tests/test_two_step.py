"""Two-step verification: required in production, optional (and labelled so)
in the demo."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from pathfinder.accounts.tests.conftest import events, is_signed_in, session_key, sign_in
from pathfinder.core import crypto
from pathfinder.testing.authenticator import authenticator_code

SET_IT_UP = "Before you go on, please set up two-step verification."
DEMO_BANNER = "Two-step verification is optional here"


@pytest.fixture
def required(settings):
    settings.PATHFINDER_REQUIRE_MFA = True


def _dashboard(world) -> str:
    return f"/programmes/{world.programme.pk}/"


def _with_authenticator(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def _activate(client) -> str:
    # Signed in moments ago with a password, so no second password prompt.
    page = client.get("/accounts/2fa/totp/activate/").page
    [secret] = [element.text_content().strip() for element in page.css("code.pf-secret")]
    response = client.post("/accounts/2fa/totp/activate/", {"code": authenticator_code(secret)})
    assert response.status_code == 302, response.page.error_summary()
    return secret


def test_it_sends_a_person_without_it_to_set_it_up(world, required, signed_out):
    sign_in(signed_out, world.lead.email)

    response = signed_out.get(_dashboard(world), follow=True)

    assert response.redirect_chain[0] == ("/accounts/2fa/totp/activate/", 302)
    page = response.page
    assert SET_IT_UP in page.text()


def test_it_shows_the_secret_to_type_in(world, required, signed_out):
    sign_in(signed_out, world.lead.email)

    page = signed_out.get("/accounts/2fa/totp/activate/").page

    [secret] = [element.text_content().strip() for element in page.css("code.pf-secret")]
    assert secret == signed_out.session["mfa.totp.secret"]
    assert len(page.css("img.pf-qr")) == 1


def test_it_refuses_a_wrong_code(world, required, signed_out):
    sign_in(signed_out, world.lead.email)
    page = signed_out.get("/accounts/2fa/totp/activate/").page
    [secret] = [element.text_content().strip() for element in page.css("code.pf-secret")]
    wrong = f"{(int(authenticator_code(secret)) + 1) % 1_000_000:06d}"

    response = signed_out.post("/accounts/2fa/totp/activate/", {"code": wrong})

    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.error_summary() == ["Incorrect code."]
    assert not Authenticator.objects.filter(user=world.lead).exists()


def test_it_lets_a_person_in_once_it_is_set_up(world, required, signed_out):
    sign_in(signed_out, world.lead.email)

    _activate(signed_out)

    assert Authenticator.objects.filter(user=world.lead, type=Authenticator.Type.TOTP).exists()
    response = signed_out.get(_dashboard(world))
    assert response.status_code == 200
    assert response.page.title.startswith("Programme – ")


def test_it_encrypts_the_stored_secret(world, required, signed_out):
    sign_in(signed_out, world.lead.email)

    secret = _activate(signed_out)

    stored = Authenticator.objects.get(user=world.lead, type=Authenticator.Type.TOTP).data["secret"]
    assert stored != secret
    assert secret not in stored
    assert crypto.decrypt(stored) == secret


def test_it_asks_for_the_code_when_signing_in(world, required, signed_out):
    secret = _with_authenticator(world.lead)

    response = sign_in(signed_out, world.lead.email)

    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert signed_out.get("/accounts/2fa/authenticate/").page.title.startswith("Enter your code")
    assert not is_signed_in(signed_out)
    response = signed_out.post("/accounts/2fa/authenticate/", {"code": authenticator_code(secret)})
    assert response.status_code == 302
    assert signed_out.get(_dashboard(world)).status_code == 200


def test_it_asks_for_the_code_set_up_here_on_the_next_sign_in(world, required, signed_out):
    sign_in(signed_out, world.lead.email)
    secret = _activate(signed_out)
    signed_out.post("/accounts/logout/")

    response = sign_in(signed_out, world.lead.email)

    assert response["Location"] == "/accounts/2fa/authenticate/"
    signed_out.post("/accounts/2fa/authenticate/", {"code": authenticator_code(secret)})
    assert signed_out.get(_dashboard(world)).status_code == 200


def test_it_gives_a_new_session_key_once_the_code_is_right(world, required, signed_out):
    secret = _with_authenticator(world.lead)
    sign_in(signed_out, world.lead.email)
    waiting = session_key(signed_out)

    signed_out.post("/accounts/2fa/authenticate/", {"code": authenticator_code(secret)})

    assert session_key(signed_out) not in {None, waiting}
    assert is_signed_in(signed_out)


def test_it_refuses_a_wrong_code_when_signing_in(world, required, signed_out):
    secret = _with_authenticator(world.lead)
    sign_in(signed_out, world.lead.email)
    wrong = f"{(int(authenticator_code(secret)) + 1) % 1_000_000:06d}"

    response = signed_out.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert response.page.error_summary() == ["Incorrect code."]
    assert not is_signed_in(signed_out)


def test_it_asks_again_once_the_authenticator_is_removed(world, required, signed_out):
    secret = _with_authenticator(world.lead)
    sign_in(signed_out, world.lead.email)
    signed_out.post("/accounts/2fa/authenticate/", {"code": authenticator_code(secret)})
    assert signed_out.get(_dashboard(world)).status_code == 200

    response = signed_out.post("/accounts/2fa/totp/deactivate/")

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=world.lead, type=Authenticator.Type.TOTP).exists()
    response = signed_out.get(_dashboard(world))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_it_labels_two_step_as_optional_in_the_demo(world, as_user):
    page = as_user(world.lead).get("/accounts/2fa/").page

    assert DEMO_BANNER in page.text()


def test_it_does_not_label_it_optional_when_required(world, required, as_user):
    page = as_user(world.lead).get("/accounts/2fa/").page

    assert page.title.startswith("Two-step verification")
    assert DEMO_BANNER not in page.text()


def test_it_records_turning_it_on_and_off(world, signed_out, django_capture_on_commit_callbacks):
    sign_in(signed_out, world.lead.email)
    # django-allauth announces a new authenticator once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        _activate(signed_out)
    signed_out.post("/accounts/2fa/totp/deactivate/")

    changes = sorted(events("auth.mfa_changed"), key=lambda event: event.pk)

    assert [(event.detail["type"], event.detail["change"]) for event in changes] == [
        ("totp", "added"),
        ("recovery_codes", "added"),
        ("totp", "removed"),
        ("recovery_codes", "removed"),
    ]
    assert {(event.actor, event.target_id) for event in changes} == {(world.lead, str(world.lead.pk))}


def test_it_asks_for_the_password_again_only_when_sign_in_was_a_while_ago(world, signed_out):
    sign_in(signed_out, world.lead.email)
    assert signed_out.get("/accounts/2fa/totp/activate/").status_code == 200
    # Move the sign-in record back beyond the reauthentication window.
    session = signed_out.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= 3600
    session["account_authentication_methods"] = records
    session.save()
    response = signed_out.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
