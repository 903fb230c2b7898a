"""Asking for a password reset does the same work in the request whether or
not the address has an account: the request only queues a background task,
which looks the address up and sends the e-mail after the response."""

import pytest
from django.core import mail
from django.tasks import task_backends
from django.tasks.backends.dummy import DummyBackend

from pathfinder.accounts.tasks import send_password_reset
from pathfinder.core.models import AuditEvent

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queued(settings):
    """Tasks are only queued, never run, so the request's own work shows."""
    settings.TASKS = DUMMY
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    backend.clear()
    return backend


def _ask(client, email):
    return client.post("/accounts/password/reset/", {"email": email})


@pytest.mark.parametrize("who", ["known", "unknown"])
def test_it_only_queues_a_task_in_the_request(world, signed_out, queued, who):
    email = world.member.email if who == "known" else "nobody@example.org"

    response = _ask(signed_out, email)

    assert response["Location"] == "/accounts/password/reset/done/"
    assert mail.outbox == []
    [result] = queued.results
    assert result.task.func is send_password_reset.func
    assert result.kwargs["email"] == email
    assert set(result.kwargs) == {"email", "site_url"}


def test_the_task_sends_the_link_to_a_known_address(world, signed_out, queued):
    _ask(signed_out, world.member.email)
    [result] = queued.results

    send_password_reset.call(**result.kwargs)

    [message] = mail.outbox
    assert message.to == [world.member.email]
    assert "/accounts/password/reset/key/" in message.body


def test_the_task_sends_nothing_to_an_unknown_address(world, signed_out, queued):
    _ask(signed_out, "nobody@example.org")
    [result] = queued.results

    send_password_reset.call(**result.kwargs)

    assert mail.outbox == []


def test_it_records_each_request_without_the_address(world, signed_out, queued):
    _ask(signed_out, world.member.email)
    _ask(signed_out, "nobody@example.org")
    for result in queued.results:
        send_password_reset.call(**result.kwargs)

    events = list(AuditEvent.objects.filter(kind="auth.password_reset_requested").order_by("pk"))
    assert [event.target_id for event in events] == [str(world.member.pk), ""]
    assert all(event.detail["attempted"] for event in events)
    assert "nobody" not in str(events[1].detail)
