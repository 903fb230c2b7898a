"""Every lens URL, checked with the route matrix's own rules: the lead gets in,
the read-only viewer gets 403 on every edit page, an outsider from another
organisation gets 404, signed-out people go to sign-in. The same lines are
proposed for tests/test_route_matrix.py."""

import pytest
from django.urls import reverse

from pathfinder.lens.tests.routes import LENS_ROUTES
from pathfinder.lens.urls import urlpatterns
from tests.test_route_matrix import _expected, _request


def test_every_lens_url_has_a_route():
    assert {pattern.name for pattern in urlpatterns} == set(LENS_ROUTES)


@pytest.mark.parametrize("name", sorted(LENS_ROUTES))
@pytest.mark.parametrize("who", ["anonymous", "lead", "member", "viewer", "outsider", "admin"])
def test_access(name, who, world, as_user):
    route = LENS_ROUTES[name]
    url = reverse(name, kwargs=route.kwargs(world) or None)
    data = route.data(world)
    client = as_user(None if who == "anonymous" else getattr(world, who))
    expected = _expected(route, who)
    for method in route.methods:
        response = _request(client, method, url, data)
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], (method, url)
        else:
            allowed = expected if isinstance(expected, tuple) else (expected,)
            assert response.status_code in allowed, (method, url, who, response.status_code)
