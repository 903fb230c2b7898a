"""When the database cannot be reached or written (restarting, disk full), people
get a calm 503 that says nothing was saved halfway, not the generic 500 page.
The real fault (a full disk under SQLite, a killed PostgreSQL) is in tests/faults."""

import pytest
from django.db import IntegrityError, OperationalError

from pathfinder.core.views.errors import server_error


def _handled(rf, error):
    try:
        raise error
    except Exception:
        return server_error(rf.get("/"))


@pytest.mark.parametrize("error", [OperationalError("database or disk is full"), OperationalError("server closed")])
def test_it_answers_503_with_a_calm_page_when_the_database_is_unavailable(rf, error):
    response = _handled(rf, error)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    body = response.content.decode()
    assert "not available just now" in body and "nothing is ever saved halfway" in body
    assert "disk" not in body and "server closed" not in body  # no technical detail


def test_it_keeps_the_500_page_for_other_errors(rf):
    assert _handled(rf, IntegrityError("duplicate")).status_code == 500
    assert _handled(rf, ValueError("bug")).status_code == 500


def test_it_answers_503_when_a_session_cannot_be_saved_because_the_database_went_away(rf):
    from django.contrib.sessions.backends.base import UpdateError
    from django.contrib.sessions.exceptions import SessionInterrupted

    from pathfinder.core.views.errors import bad_request

    # The chain Django's database sessions and session middleware raise
    # (each raised while handling the one before).
    def save_session():
        try:
            raise OperationalError("the connection was closed")
        except OperationalError:
            raise UpdateError

    try:
        try:
            save_session()
        except UpdateError:
            raise SessionInterrupted("deleted")
    except SessionInterrupted as interrupted:
        assert bad_request(rf.get("/"), interrupted).status_code == 503
    assert bad_request(rf.get("/"), SessionInterrupted("someone signed out elsewhere")).status_code == 400
