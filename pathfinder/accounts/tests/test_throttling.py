"""Guessing passwords is throttled: five failures per address, then a pause."""

from pathfinder.accounts.models import UserSession
from pathfinder.accounts.tests.conftest import events, is_signed_in, sign_in

TOO_MANY = "Too many failed login attempts. Try again later."


def _fail_five_times(client, email):
    for attempt in range(5):
        response = sign_in(client, email, f"wrong-guess-{attempt}")
        assert response.page.error_summary() == ["The email address and/or password you specified are not correct."]


def test_it_refuses_the_right_password_after_five_failures(world, signed_out):
    _fail_five_times(signed_out, world.lead.email)

    response = sign_in(signed_out, world.lead.email)

    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.error_summary() == [TOO_MANY]
    assert not is_signed_in(signed_out)
    assert not events("auth.sign_in")
    assert not UserSession.objects.exists()


def test_it_counts_each_address_alone(world, signed_out):
    _fail_five_times(signed_out, world.lead.email)

    sign_in(signed_out, world.member.email)

    assert is_signed_in(signed_out)


def test_it_lets_in_after_four_failures(world, signed_out):
    for attempt in range(4):
        sign_in(signed_out, world.lead.email, f"wrong-guess-{attempt}")

    sign_in(signed_out, world.lead.email)

    assert is_signed_in(signed_out)
