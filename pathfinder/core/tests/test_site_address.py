"""E-mailed links point at the server that sent them in development, and at
the configured SITE_URL in production (which refuses to start without it)."""

import re

from django.test import override_settings

from pathfinder.core import links, services
from pathfinder.core.roles import Role


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


@override_settings(SITE_URL="")
def test_it_links_to_the_running_server_in_development(world, as_user, mailoutbox):
    response = as_user(world.lead).post(
        f"/services/{world.service.slug}/people/",
        {"email": "new@example.org", "role": Role.STAFF},
        HTTP_HOST="localhost:8123",
    )
    assert response.status_code == 302
    link = _link(mailoutbox[0])
    assert link.startswith("http://localhost:8123/invitations/")
    # The link works on that server.
    assert as_user(None).get(link.removeprefix("http://localhost:8123"), HTTP_HOST="localhost:8123").status_code == 200


@override_settings(SITE_URL="https://pathfinder.example.org/")
def test_it_uses_the_configured_address_when_there_is_one(world, as_user, mailoutbox):
    as_user(world.lead).post(
        f"/services/{world.service.slug}/people/",
        {"email": "new@example.org", "role": Role.STAFF},
        HTTP_HOST="localhost:8123",
    )
    assert _link(mailoutbox[0]).startswith("https://pathfinder.example.org/invitations/")


@override_settings(SITE_URL="")
def test_it_falls_back_to_the_demo_address_outside_a_request(world, mailoutbox):
    services.invite(service=world.service, email="new@example.org", role=Role.STAFF, by=world.lead)
    assert _link(mailoutbox[0]).startswith(links.DEVELOPMENT_ADDRESS + "/invitations/")


@override_settings(SITE_URL="")
def test_the_address_does_not_outlive_its_request(world, as_user):
    as_user(world.lead).get("/", HTTP_HOST="localhost:8123")
    assert links.site_url() == links.DEVELOPMENT_ADDRESS
