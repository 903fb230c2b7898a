"""A page that only reads does not write the session back each time: its
expiry is pushed on at most once a minute (core/sessions.py)."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


def session_writes(client, path, method="get") -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path)
    assert response.status_code in (200, 302), path
    return sum(
        1
        for query in captured.captured_queries
        if query["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in query["sql"]
    )


def expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_it_does_not_write_the_session_on_a_reading_page_just_refreshed(world, as_user):
    client = as_user(world.lead)
    client.get("/account/")  # the first page writes it
    before = expiry(client)
    assert session_writes(client, "/account/") == 0
    assert expiry(client) == before


def test_it_pushes_the_expiry_on_once_a_minute_has_passed(world, as_user):
    client = as_user(world.lead)
    client.get("/account/")
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + timedelta(minutes=28)
    )
    assert session_writes(client, "/account/") == 1
    assert expiry(client) > timezone.now() + timedelta(minutes=29)
