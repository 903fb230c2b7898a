"""Bearer-token authentication. A refused token answers 401 with the reason;
an address that keeps sending refused tokens is slowed down (429) before any
lookup, so tokens cannot be guessed at speed."""

from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from ninja.security import HttpBearer

from pathfinder.api import services
from pathfinder.api.errors import ApiError
from pathfinder.core import audit

REFUSALS_PER_MINUTE = 20


def _refusals_key(request) -> str:
    try:
        address = ratelimit.get_ip(request)  # proxy-aware, as sign-in throttling is
    except PermissionDenied:  # no address at all (some test clients): count them together
        address = "unknown"
    return f"pathfinder:api-refused:{address}"


class TokenAuth(HttpBearer):
    openapi_description = "A personal API token made on your account page in Pathfinder, sent as `Bearer <token>`."

    def __call__(self, request):
        if cache.get(_refusals_key(request), 0) >= REFUSALS_PER_MINUTE:
            raise ApiError(
                429,
                "too_many_refusals",
                "Too many refused tokens from this address. Wait a minute.",
                headers={"Retry-After": "60"},
            )
        token = super().__call__(request)
        if token is None:
            raise ApiError(401, "not_signed_in", "Send your API token in the Authorization header: Bearer <token>.")
        return token

    def authenticate(self, request, token):
        try:
            found = services.owner(token)
        except services.TokenRefused as refused:
            key = _refusals_key(request)
            cache.add(key, 0, 60)
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, 60)
            audit.record("api.token_refused", reason=refused.code)
            raise ApiError(401, refused.code, str(refused)) from None
        request.user = found.user
        return found
