from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, path, re_path
from django.views.decorators.csrf import csrf_exempt

from pathfinder.api import views
from pathfinder.api.endpoints import api
from pathfinder.api.errors import error_response


def _open(patterns):
    """The API signs people in with its own tokens, not the session: the
    site-wide sign-in redirect must not apply (a program needs a 401)."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            _open(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            entry.callback = login_not_required(entry.callback)
    return patterns


@login_not_required
@csrf_exempt
def not_found(request, rest=""):
    return error_response(404)


api_patterns, api_app, api_namespace = api.urls
urlpatterns = [
    path("api/v1/", (_open(list(api_patterns)), api_app, api_namespace)),
    re_path(r"^api/(?P<rest>.*)$", not_found, name="api_not_found"),
    path("account/api-tokens/", views.tokens, name="api_tokens"),
]
