import logging
import re
import time
import uuid

from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from pathfinder.logging import redact_path, request_id_var

logger = logging.getLogger("pathfinder.request")

# A client's own request id is echoed (and logged) only if it is a plain id:
# anything else could split headers or log lines, so it is replaced.
_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


# Pages where people answer anonymous surveys. Someone may be signed in while
# answering; these pages must leave no trace of them: no session read or
# written (its expiry would record the moment), no request log line.
UNTRACED_PREFIXES = ("/answer/",)


def untraced(request) -> bool:
    return request.path.startswith(UNTRACED_PREFIXES)


SAFE_METHODS = ("GET", "HEAD")


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's sessions, except on untraced pages, which get an empty session
    that is never saved: the person is treated as signed out there.

    A page that only reads, and leaves the session as it was, does not write
    it back unless its expiry was last set more than a minute ago
    (core/sessions.py): one database write a minute, not one a page."""

    def process_request(self, request):
        if untraced(request):
            request.session = self.SessionStore()
            return
        super().process_request(request)

    def process_response(self, request, response):
        if untraced(request):
            return response
        session = getattr(request, "session", None)
        if (
            request.method in SAFE_METHODS
            and session is not None
            and not session.modified
            and getattr(session, "recently_refreshed", bool)()
        ):
            if session.accessed:
                patch_vary_headers(response, ("Cookie",))
            return response
        return super().process_response(request, response)


class RequestIdMiddleware:
    """Tag each request with an id for the logs, and log one line per request:
    method, path (no query string), status and duration. Never who it was."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-Id", "")
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-Id"] = request_id
        if not request.path.startswith("/static/") and not untraced(request):
            logger.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": redact_path(request.path),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
        return response


class NoStoreMiddleware:
    """Pages are never kept in browser or proxy caches (ASVS 14.3.2): on a shared
    computer, the back button must not show someone else's work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/static/"):
            response["Cache-Control"] = "no-store"
        return response


class MethodNotAllowedMiddleware:
    """Give a 405 the same calm page as other errors (the API: its JSON error)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and request.path.startswith("/api/"):
            from pathfinder.api.errors import error_response

            allowed = response.get("Allow", "")
            response = error_response(405)
            response["Allow"] = allowed
        elif response.status_code == 405 and not response.content:
            allowed = response.get("Allow", "")
            response = render(request, "errors/405.html", status=405)
            response["Allow"] = allowed
        return response
