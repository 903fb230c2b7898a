"""Secrets in addresses (invitation links, calendar feeds, survey links,
password-reset keys) never reach the request log."""

import logging

import pytest

SECRET = "Sup3rSecretTokenValue-abcdefghijklmnop"


@pytest.mark.parametrize(
    "path",
    [
        f"/invitations/{SECRET}/",
        f"/plan/calendar/{SECRET}.ics",
        f"/accounts/password/reset/key/1a-{SECRET}/",
    ],
)
def test_it_leaves_tokens_out_of_the_request_log(client, db, caplog, path):
    caplog.set_level(logging.INFO, logger="pathfinder.request")

    client.get(path)

    [line] = [record for record in caplog.records if record.name == "pathfinder.request"]
    assert SECRET not in line.path
    assert "[redacted]" in line.path


@pytest.mark.parametrize("path", [f"/answer/{SECRET}/", f"/answer/{SECRET}/thanks/"])
def test_survey_answer_pages_are_not_logged_at_all(client, db, caplog, path):
    """Not even redacted: a line with a precise time beside an answer could time it."""
    caplog.set_level(logging.INFO, logger="pathfinder.request")

    client.get(path)

    assert not [record for record in caplog.records if record.name == "pathfinder.request"]


def test_it_keeps_ordinary_paths(client, db, caplog):
    caplog.set_level(logging.INFO, logger="pathfinder.request")

    client.get("/about/")

    [line] = [record for record in caplog.records if record.name == "pathfinder.request"]
    assert line.path == "/about/"


def test_it_redacts_error_lines_too(caplog):
    from pathfinder.logging import JsonFormatter, RedactTokensFilter

    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "%s: %s", ("Oops", f"/answer/{SECRET}/"), None
    )
    RedactTokensFilter().filter(record)

    assert SECRET not in JsonFormatter().format(record)


def test_every_secret_looking_url_part_is_redacted():
    """A new URL with a secret in it (named token, key, code, secret) is
    redacted without anyone having to remember to add it."""
    import re

    from django.urls import URLPattern, URLResolver, get_resolver

    from pathfinder.logging import SECRET_URL_PARTS

    def names(patterns, prefix=""):
        for entry in patterns:
            text = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from names(entry.url_patterns, text)
            elif isinstance(entry, URLPattern):
                yield from re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", text)

    found = {name for pair in names(get_resolver().url_patterns) for name in pair if name}
    secret_looking = {name for name in found if re.search(r"token|key|code|secret|uid", name)}
    assert secret_looking <= set(SECRET_URL_PARTS), secret_looking - set(SECRET_URL_PARTS)
