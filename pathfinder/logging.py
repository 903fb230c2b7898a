"""JSON log lines that carry no personal data.

Records hold the level, logger, message and the request id; the request
middleware never puts user names, e-mail addresses or query strings in logs.
"""

import contextvars
import json
import logging
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# URL parts that are secrets: invitation, calendar-feed and survey tokens, and
# django-allauth's password-reset key. Whoever reads the logs must not be able
# to follow them.
SECRET_URL_PARTS = ("token", "key", "uidb36")
REDACTED = "[redacted]"


def redact_path(path: str) -> str:
    """The path with every secret part of its URL pattern replaced."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(path)
    except (Resolver404, ValueError):
        return path
    secrets = sorted((str(match.kwargs[name]) for name in SECRET_URL_PARTS if match.kwargs.get(name)), key=len)
    for secret in reversed(secrets):
        path = path.replace(secret, REDACTED)
    return path


class RedactTokensFilter(logging.Filter):
    """Redact secret URL parts wherever a path reaches a log line, including
    Django's own error lines ("Internal Server Error: /answer/…/")."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(getattr(record, "path", None), str):
            record.path = redact_path(record.path)
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_path(arg) if isinstance(arg, str) and arg.startswith("/") else arg for arg in record.args
            )
        return True


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    # Only these extra attributes are copied into the line; anything else a
    # library attaches (such as the whole request object) is left out.
    EXTRA_FIELDS = ("request_id", "status", "method", "path", "duration_ms", "event")

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in self.EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                line[field] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)
