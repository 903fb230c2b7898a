from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from pathfinder.accounts.services import has_two_step
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
    return render(request, "core/home.html", {"rows": rows})


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
