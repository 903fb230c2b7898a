"""Full addresses for links that leave the page: e-mails and calendar feeds.

Production uses SITE_URL, which it requires (see settings). In development
SITE_URL is usually unset, and links point at the server answering the
current request, so the demo's e-mailed links work on whatever host and port
it runs; outside a request (a command, a task) they fall back to the demo's
usual address.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import DisallowedHost

DEVELOPMENT_ADDRESS = "http://127.0.0.1:8000"

_request_origin: ContextVar[str] = ContextVar("request_origin", default="")


def site_url() -> str:
    """The site's address, without a trailing slash."""
    return (settings.SITE_URL or _request_origin.get() or DEVELOPMENT_ADDRESS).rstrip("/")


def absolute_url(path: str) -> str:
    return site_url() + path


class SiteAddressMiddleware:
    """Remember the address of the server answering this request, for links
    built while answering it. Only the host Django accepts (ALLOWED_HOSTS)
    is used, and only when no SITE_URL is configured."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SITE_URL:
            return self.get_response(request)
        try:
            origin = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            origin = ""
        token = _request_origin.set(origin)
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)
