"""Guessing passwords is throttled without letting a stranger lock someone
out: five failures for one address from one client, or twenty from one client
over any addresses, then a pause of five minutes for that client. One address
guessed from many clients at once is slowed to a trickle for everyone."""

from pathfinder.accounts.models import UserSession
from pathfinder.accounts.tests.conftest import events, is_signed_in, sign_in
from pathfinder.testing.factories import TEST_PASSWORD

TOO_MANY = "Too many failed login attempts. Try again later."


def _fail_five_times(client, email, **extra):
    for attempt in range(5):
        response = client.post("/accounts/login/", {"login": email, "password": f"wrong-guess-{attempt}"}, **extra)
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


def test_it_lets_the_owner_in_from_their_own_client_after_a_stranger_guessed(world, signed_out):
    _fail_five_times(signed_out, world.lead.email, REMOTE_ADDR="198.51.100.1")

    signed_out.post(
        "/accounts/login/", {"login": world.lead.email, "password": TEST_PASSWORD}, REMOTE_ADDR="198.51.100.2"
    )

    assert is_signed_in(signed_out)


def test_it_keeps_refusing_the_guessing_client(world, signed_out):
    _fail_five_times(signed_out, world.lead.email, REMOTE_ADDR="198.51.100.1")

    response = signed_out.post(
        "/accounts/login/", {"login": world.lead.email, "password": TEST_PASSWORD}, REMOTE_ADDR="198.51.100.1"
    )

    assert response.page.error_summary() == [TOO_MANY]
    assert not is_signed_in(signed_out)


def test_it_slows_guessing_one_address_from_many_clients(world, signed_out):
    # Fifty clients, one guess each: no client reaches its own limit.
    for client in range(50):
        signed_out.post(
            "/accounts/login/",
            {"login": world.lead.email, "password": f"wrong-{client}"},
            REMOTE_ADDR=f"198.51.100.{client + 1}",
        )

    response = signed_out.post(
        "/accounts/login/", {"login": world.lead.email, "password": TEST_PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )

    assert response.page.error_summary() == [TOO_MANY]
    assert not is_signed_in(signed_out)


def test_it_refuses_other_addresses_from_the_same_client(world, signed_out):
    # Twenty failures from one client, spread over addresses so none reaches its own limit.
    for address in range(5):
        for attempt in range(4):
            signed_out.post("/accounts/login/", {"login": f"guess{address}@example.org", "password": f"x{attempt}"})

    response = sign_in(signed_out, world.member.email)

    assert response.page.error_summary() == [TOO_MANY]
    assert not is_signed_in(signed_out)


def test_it_lets_other_clients_sign_in_to_other_addresses(world, signed_out):
    _fail_five_times(signed_out, world.lead.email, REMOTE_ADDR="198.51.100.1")

    signed_out.post(
        "/accounts/login/", {"login": world.member.email, "password": TEST_PASSWORD}, REMOTE_ADDR="198.51.100.2"
    )

    assert is_signed_in(signed_out)


def test_it_lets_in_after_four_failures(world, signed_out):
    for attempt in range(4):
        sign_in(signed_out, world.lead.email, f"wrong-guess-{attempt}")

    sign_in(signed_out, world.lead.email)

    assert is_signed_in(signed_out)


def test_it_records_refused_attempts(world, signed_out):
    _fail_five_times(signed_out, world.lead.email)

    sign_in(signed_out, world.lead.email)

    failures = sorted(events("auth.sign_in_failed"), key=lambda event: event.pk)
    assert len(failures) == 6
    assert [event.detail.get("throttled", False) for event in failures] == [False] * 5 + [True]
    assert failures[-1].detail["attempted"] == failures[0].detail["attempted"]
    assert failures[-1].target_id == str(world.lead.pk)
