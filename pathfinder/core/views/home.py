from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from pathfinder.accounts.services import has_two_step, session_end
from pathfinder.core import audit
from pathfinder.core.models import Service
from pathfinder.core.permissions import roles_of
from pathfinder.core.roles import Role
from pathfinder.core.scoping import scoped


@require_safe
def home(request):
    """Your services. With exactly one, go straight to it."""
    services = list(scoped(Service, request.user).select_related("organisation"))
    if len(services) == 1 and "all" not in request.GET:
        return redirect("service_home", services[0].slug)
    roles = roles_of(request.user)
    rows = [(service, Role(roles[service.pk]).label) for service in services]
    from pathfinder.national.services import has_oversight

    return render(request, "core/home.html", {"rows": rows, "oversees": not rows and has_oversight(request.user)})


@require_safe
def account(request):
    services = scoped(Service, request.user).select_related("organisation")
    roles = roles_of(request.user)
    has_totp = has_two_step(request.user)
    return render(
        request,
        "core/account.html",
        {"rows": [(service, Role(roles[service.pk]).label) for service in services], "has_totp": has_totp},
    )


@require_safe
def sign_ins(request):
    """The person's own recent sign-ins, so they can spot one that was not them."""
    events = audit.recent_sign_ins(request.user)
    return render(
        request,
        "core/sign_ins.html",
        {"events": events, "describe": audit.describe, "breadcrumbs": [{"text": "Your account", "href": "/account/"}]},
    )


@require_POST
def stay_signed_in(request):
    """Any request gives the session another 30 minutes (never past 12 hours):
    this one lets the warning do it without leaving the page."""
    end = session_end(request)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"seconds": end.seconds, "at": end.clock})
    back = request.POST.get("next", "")
    # Only a path on this site: anything else ("a b", a view's name) is not a page to go back to.
    safe = back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return HttpResponseRedirect(back) if safe else redirect("account")


@login_not_required
@require_safe
def about(request):
    return render(request, "core/about.html")


@login_not_required
@require_safe
def privacy(request):
    return render(request, "core/privacy.html")


@login_not_required
@require_safe
def accessibility(request):
    return render(request, "core/accessibility.html")
