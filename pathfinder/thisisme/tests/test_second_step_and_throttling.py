import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from pathfinder.thisisme.tests.conftest import with_two_step

PASSPHRASE = "kettle harbour green morning"


def test_a_person_with_a_second_step_is_asked_for_a_code(tim, client):
    secret = with_two_step(tim.person)
    response = client.post(reverse("thisisme_sign_in"), {"username": "robin", "passphrase": PASSPHRASE})
    assert response["Location"] == reverse("thisisme_second_step")
    assert client.get(reverse("thisisme_home")).status_code == 302  # not signed in yet
    wrong = client.post(
        reverse("thisisme_second_step"),
        {"code": "000000" if format_hotp_value(hotp_value(secret, int(time.time()) // 30)) != "000000" else "111111"},
    )
    assert wrong.status_code == 200 and "not accepted" in wrong.content.decode()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert client.post(reverse("thisisme_second_step"), {"code": code})["Location"] == reverse("thisisme_home")
    assert client.get(reverse("thisisme_home")).status_code == 200


def test_repeated_wrong_passphrases_pause_the_username(tim, client):
    for _ in range(5):
        client.post(reverse("thisisme_sign_in"), {"username": "robin", "passphrase": "wrong guess here"})
    response = client.post(reverse("thisisme_sign_in"), {"username": "robin", "passphrase": PASSPHRASE})
    assert response.status_code == 200 and "paused it for 15 minutes" in response.content.decode()


def test_a_person_is_not_made_to_set_up_two_step_when_it_is_required(tim, as_user, settings):
    settings.PATHFINDER_REQUIRE_MFA = True
    assert as_user(tim.person).get(reverse("thisisme_home")).status_code == 200


def test_a_person_can_add_a_second_step_straight_after_signing_in(tim, client):
    client.post(reverse("thisisme_sign_in"), {"username": "robin", "passphrase": PASSPHRASE})
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
