"""Something sent after the idle sign-out is not lost: it is kept, encrypted,
for that account only and for a short time, and put back in the form once the
person signs in again. Nothing is saved until they send it again."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from pathfinder.accounts.models import KeptSubmission
from pathfinder.accounts.tests.conftest import session_key, sign_in
from pathfinder.accounts.tests.test_session_limits import _signed_in_hours_ago
from pathfinder.core.models import Invitation
from pathfinder.testing.factories import TEST_PASSWORD

SIGNED_OUT = "You were signed out after 30 minutes without activity"
PUT_BACK = "We have put back what you typed"


def _people(world) -> str:
    return f"/services/{world.service.slug}/people/"


def _idle_too_long(client) -> None:
    Session.objects.filter(session_key=session_key(client)).update(expire_date=timezone.now() - timedelta(seconds=1))


def _send_after_sign_out(world, client):
    sign_in(client, world.lead.email)
    client.get(_people(world))
    _idle_too_long(client)
    return client.post(
        _people(world),
        {"email": "dana@example.org", "role": "staff"},
        HTTP_REFERER=f"http://testserver{_people(world)}",
    )


def test_it_refuses_the_submission_and_says_why(world, signed_out):
    response = _send_after_sign_out(world, signed_out)

    assert response["Location"] == f"/accounts/login/?next={_people(world)}"
    assert not Invitation.objects.exists()
    login = signed_out.get(response["Location"]).page
    assert SIGNED_OUT in login.text()
    assert "we have kept what you typed" in login.text()


def test_it_keeps_it_encrypted_for_that_account_only(world, signed_out):
    _send_after_sign_out(world, signed_out)

    [kept] = KeptSubmission.objects.all()
    assert kept.user == world.lead
    assert kept.page == _people(world)
    assert "dana" not in kept.data
    assert kept.values() == {"email": ["dana@example.org"], "role": ["staff"]}
    assert timezone.now() < kept.expires_at <= timezone.now() + timedelta(hours=2)


def test_it_puts_it_back_after_signing_in_and_then_forgets_it(world, signed_out):
    response = _send_after_sign_out(world, signed_out)
    login_page = response["Location"]
    signed_out.get(login_page)

    response = signed_out.post(login_page, {"login": world.lead.email, "password": TEST_PASSWORD})
    assert response["Location"] == _people(world)
    page = signed_out.get(_people(world)).page

    assert PUT_BACK in page.text()
    assert page.css("input[name=email]")[0].get("value") == "dana@example.org"
    assert [radio.get("value") for radio in page.css("input[name=role][checked]")] == ["staff"]
    assert not KeptSubmission.objects.exists()
    assert PUT_BACK not in signed_out.get(_people(world)).page.text()


def test_another_account_never_sees_it(world, signed_out):
    _send_after_sign_out(world, signed_out)
    signed_out.get("/accounts/login/")

    sign_in(signed_out, world.member.email)
    page = signed_out.get(f"/programmes/{world.programme.pk}/").page

    assert PUT_BACK not in page.text()
    assert KeptSubmission.objects.get().user == world.lead


def test_it_never_keeps_passwords_codes_or_the_form_token(world, signed_out):
    sign_in(signed_out, world.lead.email)
    _idle_too_long(signed_out)

    signed_out.post(
        _people(world),
        {"email": "e@example.org", "role": "staff", "csrfmiddlewaretoken": "t", "new_password": "p", "code": "1"},
    )

    assert [kept.values() for kept in KeptSubmission.objects.all()] == [{"email": ["e@example.org"], "role": ["staff"]}]


def test_it_keeps_nothing_from_the_sign_in_and_password_pages(world, signed_out):
    sign_in(signed_out, world.lead.email)
    _idle_too_long(signed_out)

    signed_out.post("/accounts/password/change/", {"oldpassword": "x", "password1": "y", "password2": "y"})

    assert not KeptSubmission.objects.exists()


def test_it_is_short_lived(world, signed_out):
    _send_after_sign_out(world, signed_out)
    KeptSubmission.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    signed_out.get("/accounts/login/")

    sign_in(signed_out, world.lead.email)
    page = signed_out.get(_people(world)).page

    assert PUT_BACK not in page.text()
    assert not KeptSubmission.objects.exists()


def test_it_keeps_what_was_sent_after_the_12_hour_limit_too(world, signed_out):
    sign_in(signed_out, world.lead.email)
    _signed_in_hours_ago(signed_out, 13)

    response = signed_out.post(_people(world), {"email": "dana@example.org", "role": "staff"})

    assert response["Location"] == f"/accounts/login/?next={_people(world)}"
    assert not Invitation.objects.exists()
    assert KeptSubmission.objects.get().user == world.lead
    assert "we have kept what you typed" in signed_out.get(response["Location"]).page.text()
