"""Helpers for the sign-in and session tests."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from pathfinder.core.models import AuditEvent
from pathfinder.testing.factories import TEST_PASSWORD


def sign_in(client, email, password=TEST_PASSWORD):
    """Sign in through the real django-allauth form, as a person would."""
    return client.post("/accounts/login/", {"login": email, "password": password})


def session_key(client) -> str | None:
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie.value if cookie is not None and cookie.value else None


def is_signed_in(client) -> bool:
    """Whether the next request is a signed-in one: the account page needs it."""
    return client.get("/account/").status_code == 200


def events(kind: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(kind=kind))


def session_exists(key: str) -> bool:
    return Session.objects.filter(session_key=key).exists()


@pytest.fixture
def signed_out(as_user):
    """A signed-out client that checks every page it gets."""
    return as_user(None)
