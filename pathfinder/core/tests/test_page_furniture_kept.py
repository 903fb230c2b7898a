"""Two things every page asks for are worked out once (pathfinder/jinja2env.py,
core/context_processors.py): static file addresses, kept per process until a
setting they depend on changes; and the CSRF token, masked once per page
rather than once per form. Both must give exactly what Django gives."""

import re

from django.templatetags.static import static
from django.test import Client, override_settings

from pathfinder.jinja2env import static_url

TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_static_address_is_what_django_gives_and_follows_its_settings():
    for _ in range(2):  # worked out, then kept
        assert static_url("css/pathfinder.css") == static("css/pathfinder.css")
    before = static_url("css/pathfinder.css")
    with override_settings(STATIC_URL="/assets/"):
        assert static_url("css/pathfinder.css") == static("css/pathfinder.css")
        assert static_url("css/pathfinder.css").startswith("/assets/")
    assert static_url("css/pathfinder.css") == before


def test_every_form_on_a_page_carries_one_token_that_the_check_accepts(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.lead, backend="allauth.account.auth_backends.AuthenticationBackend")
    page = client.get(f"/programmes/{world.programme.pk}/findings/").content.decode()
    tokens = TOKENS.findall(page)
    assert len(tokens) >= 2  # sign out, and the form to add a finding
    assert len(set(tokens)) == 1
    # Still masked afresh for each page (the BREACH mitigation relies on it).
    again = TOKENS.findall(client.get(f"/programmes/{world.programme.pk}/findings/").content.decode())
    assert again[0] != tokens[0]
    added = client.post(
        f"/programmes/{world.programme.pk}/findings/",
        {
            "text": "The waiting room is loud",
            "theme": "service_design",
            "kind": "barrier",
            "csrfmiddlewaretoken": tokens[-1],
        },
    )
    assert added.status_code in {200, 302}
    signed_out = client.post("/accounts/logout/", {"csrfmiddlewaretoken": tokens[0]})
    assert signed_out.status_code == 302
    assert "_auth_user_id" not in client.session
