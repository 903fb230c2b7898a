"""Who may do what with 'This is me' on the staff side, in one place.

Key workers create profiles and help people back in; they never read the
profile's words unless the person shares them. Reading is only through
reading.py (a grant or emergency access) and needs two-step verification."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from pathfinder.accounts.services import has_two_step
from pathfinder.core.models import Service
from pathfinder.core.permissions import can, role_in
from pathfinder.core.roles import Perm, Role
from pathfinder.core.scoping import get_for, scoped
from pathfinder.thisisme.models import PersonProfile

KEY_WORKER_ROLES = frozenset({Role.PROGRAMME_LEAD, Role.GROUP_MEMBER, Role.STAFF, Role.SENIOR_MANAGER})


def is_key_worker(user, service) -> bool:
    return role_in(user, service) in KEY_WORKER_ROLES


def service_for(request, slug: str) -> Service:
    """The service, or 404 outside the user's memberships."""
    return get_for(request, Service, Perm.VIEW_PROGRAMME, slug=slug)


def key_worker_service(request, slug: str) -> Service:
    service = service_for(request, slug)
    if not is_key_worker(request.user, service):
        raise PermissionDenied
    return service


def managed_service(request, slug: str) -> Service:
    service = service_for(request, slug)
    if not can(request.user, Perm.MANAGE_PROGRAMME, service):
        raise PermissionDenied
    return service


def profile_in(request, service, ref) -> PersonProfile:
    try:
        return scoped(PersonProfile, request.user).select_related("person", "key_worker").get(service=service, ref=ref)
    except (PersonProfile.DoesNotExist, ValueError):
        raise Http404 from None


def members_of(service) -> list:
    """Staff and partners of the service (never person accounts), by name."""
    from pathfinder.core.models import Membership

    memberships = Membership.objects.active().filter(service=service).exclude(user__kind="person")
    return sorted({m.user for m in memberships.select_related("user")}, key=lambda u: u.full_name)


def needs_two_step(user) -> bool:
    """Professionals who read profiles must use two-step verification."""
    return not has_two_step(user)
