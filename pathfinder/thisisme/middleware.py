"""People who use the service never see staff pages.

A person account reaches only its own 'This is me' pages, signing out, its
optional second step, static files and the health check. Anything else
answers "page not found", the same as an address that does not exist, and
the home page takes them to their profile."""

from django.shortcuts import redirect

PERSON_PATHS = ("/this-is-me/me/", "/accounts/logout/", "/accounts/2fa/", "/static/", "/health/")


class PersonBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "is_person", False):
            if request.path == "/":
                return redirect("thisisme_home")
            if not request.path.startswith(PERSON_PATHS):
                from pathfinder.core.views.errors import not_found

                response = not_found(request, None)
                response["Cache-Control"] = "no-store"
                return response
        return self.get_response(request)
