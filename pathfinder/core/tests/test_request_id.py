"""A request id from the client is echoed only when it is a plain id; anything
else (line breaks, markup, long strings) is replaced by one we make."""

import re

import pytest


@pytest.mark.parametrize("given", ["abc-123", "A" * 64, "0f8fad5b-d9cb-469f-a165-70867728950e"])
def test_it_echoes_a_plain_request_id(client, db, given):
    response = client.get("/health/", HTTP_X_REQUEST_ID=given)

    assert response["X-Request-Id"] == given


@pytest.mark.parametrize("given", ["<script>", "a b", "A" * 65, "id\u00e9", "a;b", "../x", ""])
def test_it_replaces_anything_else(client, db, given):
    response = client.get("/health/", HTTP_X_REQUEST_ID=given)

    assert response["X-Request-Id"] != given
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-Id"])
