"""Tokens: shown once, kept only as a hash, refused with the reason once
revoked, expired or the account is disabled, and never a way round scoping."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pathfinder.api import services
from pathfinder.api.models import ApiToken
from pathfinder.core.models import AuditEvent


def _error(response, status, code=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_only_a_hash_of_the_token_is_kept(world):
    token, secret = services.new_token(world.lead, name="Board dashboard", days=30)
    stored = ApiToken.objects.values_list("token_hash", "prefix", "name").get(pk=token.pk)
    assert secret not in " ".join(stored)
    assert secret.startswith(stored[1]) and len(stored[1]) < len(secret) // 3
    assert token.expires_on == timezone.localdate() + timedelta(days=30)


def test_a_token_reads_its_owners_programmes(world, api_client):
    client, _ = api_client(world.lead)
    body = client.get("/api/v1/programmes").json()
    assert [p["id"] for p in body["results"]] == [world.programme.pk]
    assert body["results"][0]["service"]["slug"] == "home-service"


def test_no_token_is_401_not_a_redirect(world):
    _error(Client().get("/api/v1/programmes"), 401, "not_signed_in")
    _error(Client(headers={"Authorization": "Basic abc"}).get("/api/v1/programmes"), 401, "not_signed_in")


def test_an_unknown_token_is_401(world):
    client = Client(headers={"Authorization": "Bearer pf_made-up"})
    _error(client.get("/api/v1/programmes"), 401, "token_unknown")


def test_a_revoked_token_is_401_and_says_so(world, api_client):
    client, token = api_client(world.lead)
    assert client.get("/api/v1/programmes").status_code == 200
    assert services.revoke(world.lead, token.pk)
    _error(client.get("/api/v1/programmes"), 401, "token_revoked")


def test_someone_else_cannot_revoke_my_token(world, api_client):
    client, token = api_client(world.lead)
    assert not services.revoke(world.outsider, token.pk)
    assert client.get("/api/v1/programmes").status_code == 200


def test_an_expired_token_is_401_and_says_so(world, api_client):
    client, token = api_client(world.lead)
    ApiToken.objects.filter(pk=token.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    _error(client.get("/api/v1/programmes"), 401, "token_expired")


def test_a_disabled_account_token_is_401(world, api_client):
    client, _ = api_client(world.lead)
    world.lead.is_active = False
    world.lead.save()
    _error(client.get("/api/v1/programmes"), 401, "account_disabled")


def test_a_token_used_for_another_services_data_is_404(world, api_client):
    client, _ = api_client(world.lead)
    for suffix in ("", "/findings", "/actions", "/assessment-results", "/mat-ratings", "/measures"):
        _error(client.get(f"/api/v1/programmes/{world.other_programme.pk}{suffix}"), 404, "not_found")


def test_a_member_who_left_loses_access(world, api_client):
    client, _ = api_client(world.member)
    assert client.get(f"/api/v1/programmes/{world.programme.pk}").status_code == 200
    world.memberships.member.is_active = False
    world.memberships.member.save()
    _error(client.get(f"/api/v1/programmes/{world.programme.pk}"), 404)


def test_every_call_is_audited(world, api_client):
    client, token = api_client(world.lead)
    before = AuditEvent.objects.filter(kind="api.read").count()
    client.get("/api/v1/programmes")
    client.get(f"/api/v1/programmes/{world.programme.pk}/findings")
    events = list(AuditEvent.objects.filter(kind="api.read").order_by("pk"))[before:]
    assert [e.detail["what"] for e in events] == ["programmes", "findings"]
    assert events[1].service == world.service and events[1].actor == world.lead
    assert all(e.detail["token"] == token.prefix for e in events)
    client.get("/api/v1/programmes", headers={"Authorization": "Bearer pf_wrong"})
    assert AuditEvent.objects.filter(kind="api.token_refused").count() == 1


def test_last_used_is_kept_by_the_day(world, api_client):
    client, token = api_client(world.lead)
    client.get("/api/v1/programmes")
    assert ApiToken.objects.get(pk=token.pk).last_used_on == timezone.localdate()


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/programmes?page=0", 422, "bad_request"),
        ("/api/v1/programmes?page=abc", 422, "bad_request"),
        ("/api/v1/programmes?page=2", 404, "page_not_found"),
        ("/api/v1/programmes?service=other-service", 422, "unknown_parameter"),
        ("/api/v1/programmes/abc", 422, "bad_request"),
        ("/api/v1/programmes/999999", 404, "not_found"),
        ("/api/v1/nothing-here", 404, "not_found"),
        ("/api/v2/programmes", 404, "not_found"),
    ],
)
def test_bad_requests_get_the_same_json_shape(world, api_client, path, status, code):
    client, _ = api_client(world.lead)
    _error(client.get(path), status, code)


def test_a_write_is_refused_in_json(world, api_client):
    client, _ = api_client(world.lead)
    error = _error(client.post("/api/v1/programmes", {}), 405, "method_not_allowed")
    assert "GET" in error["message"]


def test_a_flood_of_requests_is_slowed_with_429(world, api_client):
    from pathfinder.api.endpoints import RATE

    client, _ = api_client(world.lead)
    limit = int(RATE.split("/")[0])
    statuses = [client.get("/api/v1/programmes").status_code for _ in range(limit + 1)]
    assert statuses[:limit] == [200] * limit
    response = client.get("/api/v1/programmes")
    _error(response, 429, "too_many_requests")
    assert int(response["Retry-After"]) > 0


def test_a_flood_of_refused_tokens_is_slowed_before_any_lookup(world, django_assert_num_queries):
    from pathfinder.api.auth import REFUSALS_PER_MINUTE

    client = Client(headers={"Authorization": "Bearer pf_guess"})
    for _ in range(REFUSALS_PER_MINUTE):
        _error(client.get("/api/v1/programmes"), 401)
    error = _error(client.get("/api/v1/programmes"), 429, "too_many_refusals")
    assert error["message"]
