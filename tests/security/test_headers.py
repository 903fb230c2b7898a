"""The browser-side defences every response carries (ASVS 5.0 chapter 3 and
4.1.1): a strict Content-Security-Policy with object-src and base-uri 'none'
and frame-ancestors 'none', nosniff, a referrer policy, a cross-origin opener
policy, a charset on every text response, and session and CSRF cookies that
scripts and other sites cannot use. Production's HSTS and Secure cookies are
checked in pathfinder/core/tests/test_production_settings.py."""

from django.test import Client


def _directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def test_it_sends_a_strict_content_security_policy(client, world, as_user):
    for response in [client.get("/accounts/login/"), as_user(world.lead).get("/account/")]:
        policy = _directives(response["Content-Security-Policy"])
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        for directive in ["default-src", "script-src", "style-src"]:
            assert "'unsafe-inline'" not in policy[directive] and "'unsafe-eval'" not in policy[directive]


def test_it_tells_browsers_not_to_sniff_frame_or_leak_the_address(client):
    response = client.get("/accounts/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_every_text_response_names_its_charset(client, world, as_user):
    signed_in = as_user(world.lead)
    for response in [client.get("/accounts/login/"), client.get("/no-such-page/"), signed_in.get("/account/")]:
        content_type = response["Content-Type"]
        assert content_type.startswith("text/") and "charset=utf-8" in content_type, content_type


def test_the_csrf_cookie_is_kept_from_scripts_and_other_sites(client):
    response = client.get("/accounts/login/")
    csrf = response.cookies["csrftoken"]
    assert csrf["samesite"] == "Lax" and csrf["httponly"]


def test_it_answers_trace_and_unknown_methods_with_405(client, world, as_user):
    assert Client().generic("TRACE", "/accounts/login/").status_code == 405
    assert as_user(world.lead).generic("TRACE", "/account/").status_code == 405
