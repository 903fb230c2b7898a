"""Calm error pages in the product's own voice. Never a traceback."""

import sys

from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


@login_not_required
def not_available(request, *args):
    return not_found(request)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def bad_request(request, exception=None):
    if _caused_by_the_database(exception):
        # Django reports a session it could not save as "interrupted" (400), even
        # when the reason is that the database went away after the page's own work.
        return database_unavailable()
    return render(request, "errors/400.html", status=400)


def _caused_by_the_database(exception) -> bool:
    seen = 0
    while exception is not None and seen < 10:
        if isinstance(exception, OperationalError | InterfaceError):
            return True
        exception, seen = exception.__cause__ or exception.__context__, seen + 1
    return False


@requires_csrf_token
def server_error(request):
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable()
    # Plain page: it must not depend on the database or the signed-in user.
    return render(request, "errors/500.html", status=500)


def database_unavailable() -> HttpResponse:
    """The database could not be reached or written (it is restarting, or its
    disk is full): a calm 503 that says nothing was saved. Rendered without the
    request, so nothing on the page needs the database (no session, no user)."""
    response = HttpResponse(render_to_string("errors/503.html"), status=503)
    response["Retry-After"] = "60"
    return response


def csrf_failure(request, reason=""):
    # Give back what the person typed (never passwords) so nothing is lost.
    typed = [
        (name, value)
        for name, value in request.POST.items()
        if value and name not in {"csrfmiddlewaretoken", "version", "opened"} and "password" not in name
    ]
    return render(request, "errors/csrf.html", {"typed": typed}, status=403)
