"""People who use the service never see staff pages.

A person account reaches only its own 'This is me' pages, public pages (such
as the privacy notice), signing out, its optional second step and static
files. Any other page answers "page not found", the same as an address that
does not exist, and the home page takes them to their profile."""

from django.shortcuts import redirect

PERSON_PATHS = ("/this-is-me/me/", "/accounts/logout/", "/accounts/2fa/", "/static/", "/health/")


class PersonBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not getattr(user, "is_person", False):
            return None
        if request.path == "/":
            return redirect("thisisme_home")
        if request.path.startswith(PERSON_PATHS) or not getattr(view_func, "login_required", True):
            return None
        from pathfinder.core.views.errors import not_found

        return not_found(request)
