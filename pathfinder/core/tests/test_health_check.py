"""The PostgreSQL health check (pathfinder/core/db/postgresql/base.py): no
round trip for a healthy idle connection, and a connection the server has
ended is still found out and replaced, as with Django's own SELECT 1."""

import pytest
from django.db import connection, connections

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the check is PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def own():
    """A connection of our own, opened as a request would, kept out of the test's."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def _last_statement(pid: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row[0] if row else ""


def _pid(wrapper) -> int:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid() /* whose */")
        return cursor.fetchone()[0]


def test_it_is_the_engine_settings_choose():
    assert connection.settings_dict["ENGINE"] == "pathfinder.core.db.postgresql"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_a_healthy_idle_connection_is_usable_without_a_query(own):
    pid = _pid(own)
    assert own.is_usable()
    # The server saw nothing after our last statement: no SELECT 1 was sent.
    assert "/* whose */" in _last_statement(pid)


def test_a_connection_the_server_ended_is_found_out_and_replaced(own):
    pid = _pid(own)
    with connection.cursor() as cursor:
        # Waits (up to 5 s) until the backend has gone, as it would have long before the next request.
        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
    assert not own.is_usable()
    # As before each request: the check closes it, and the next query opens a new one.
    own.health_check_enabled, own.health_check_done = True, False
    own.close_if_health_check_failed()
    assert own.connection is None
    assert _pid(own) != pid


def test_a_connection_inside_a_transaction_is_asked(own):
    """Not idle (here: a transaction left open): the check falls back to SELECT 1."""
    pid = _pid(own)
    own.connection.execute("BEGIN")
    assert own.is_usable()
    assert _last_statement(pid) == "SELECT 1"
    own.connection.execute("ROLLBACK")


def test_a_broken_connection_is_not_usable(own):
    own.connection.close()
    assert not own.is_usable()
