"""Shared test fixtures: personas, a signed-in client that checks every page,
and the settings tests need.

Personas, as in the style guide:
- lead:     programme lead of the home service (alice)
- member:   implementation group member of the home service (bob)
- viewer:   evaluator of the home service: can look, cannot change (vera)
- outsider: programme lead of a service in another organisation (charlie)
"""

import logging
import os
from types import SimpleNamespace

import pytest

# Playwright's sync API keeps an event loop in the main thread; Django's ORM and
# live_server refuse to run inside it without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# One JSON line per request is useful in production and noise in test output.
logging.getLogger("pathfinder.request").setLevel(logging.WARNING)

from pathfinder.core.roles import Role  # noqa: E402
from pathfinder.testing import factories  # noqa: E402
from pathfinder.testing.pages import check_page  # noqa: E402


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PATHFINDER_REQUIRE_MFA = False
    settings.PATHFINDER_NATIONAL_CACHE_SECONDS = 0  # each test sees its own data at once (cache.py has its own tests)


@pytest.fixture
def world(db):
    """Two organisations, each with a service and a started programme."""
    from pathfinder.programmes import services as programme_services

    home_service = factories.ServiceFactory(name="Home Drug and Alcohol Service", slug="home-service")
    other_service = factories.ServiceFactory(name="Other Recovery Service", slug="other-service")
    lead = factories.UserFactory(full_name="Alice Lead", email="alice@example.org")
    member = factories.UserFactory(full_name="Bob Member", email="bob@example.org")
    viewer = factories.UserFactory(full_name="Vera Viewer", email="vera@example.org")
    outsider = factories.UserFactory(full_name="Charlie Outsider", email="charlie@example.org")
    memberships = SimpleNamespace(
        lead=factories.MembershipFactory(user=lead, service=home_service, role=Role.PROGRAMME_LEAD),
        member=factories.MembershipFactory(user=member, service=home_service, role=Role.GROUP_MEMBER),
        viewer=factories.MembershipFactory(user=viewer, service=home_service, role=Role.EVALUATOR),
        outsider=factories.MembershipFactory(user=outsider, service=other_service, role=Role.PROGRAMME_LEAD),
    )
    programme = programme_services.start_programme(
        service=home_service, name="Home programme", started_on="2026-09-01", by=lead
    )
    other_programme = programme_services.start_programme(
        service=other_service, name="Other programme", started_on="2026-09-01", by=outsider
    )
    admin = factories.UserFactory(full_name="Sid Admin", email="admin@example.org", is_site_admin=True)
    return SimpleNamespace(
        service=home_service,
        other_service=other_service,
        programme=programme,
        other_programme=other_programme,
        lead=lead,
        member=member,
        viewer=viewer,
        outsider=outsider,
        admin=admin,
        memberships=memberships,
    )


class CheckedClient:
    """A Django test client that runs the page invariants on every HTML page."""

    def __init__(self, client):
        self.client = client

    def _check(self, response):
        if response.get("Content-Type", "").startswith("text/html") and response.status_code != 302:
            response.page = check_page(response)
        return response

    def get(self, path, *args, **kwargs):
        return self._check(self.client.get(path, *args, **kwargs))

    def post(self, path, data=None, *args, **kwargs):
        return self._check(self.client.post(path, data or {}, *args, **kwargs))

    def __getattr__(self, name):
        return getattr(self.client, name)


@pytest.fixture
def as_user(client):
    """as_user(user) → a client signed in as that user (None: signed out)."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        return CheckedClient(client)

    return sign_in
