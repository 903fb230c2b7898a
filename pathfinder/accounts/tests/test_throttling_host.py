"""Failed sign-ins are counted for the address whatever host name (or port) the
request names: the Host header comes from the client, and several servers
behind a proxy may be reached by different names."""

from pathfinder.accounts.tests.conftest import is_signed_in
from pathfinder.testing.factories import TEST_PASSWORD

TOO_MANY = "Too many failed login attempts. Try again later."


def test_it_counts_failures_across_host_names_and_ports(world, signed_out):
    for attempt in range(5):
        signed_out.post(
            "/accounts/login/",
            {"login": world.lead.email, "password": f"wrong-{attempt}"},
            HTTP_HOST=f"127.0.0.1:{8000 + attempt}",
        )

    response = signed_out.post(
        "/accounts/login/", {"login": world.lead.email, "password": TEST_PASSWORD}, HTTP_HOST="localhost:9000"
    )

    assert response.page.error_summary() == [TOO_MANY]
    assert not is_signed_in(signed_out)
