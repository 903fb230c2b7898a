"""Fetch helpers that keep every query inside the user's memberships.

Views never call `Model.objects` (a test enforces it); they call these.
- Outside the user's memberships an object does not exist: 404.
- Inside, without the permission asked for: 403.
Models say how to reach their service with `service_path`, for example
"programme__service"; a Service itself has the empty path.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm


def _queryset(model_or_queryset) -> models.QuerySet:
    if isinstance(model_or_queryset, models.QuerySet):
        return model_or_queryset
    return model_or_queryset._default_manager.all()


def scoped(model_or_queryset, user) -> models.QuerySet:
    """Only the rows that belong to services where `user` is an active member."""
    queryset = _queryset(model_or_queryset)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    path = queryset.model.service_path
    prefix = f"{path}__" if path else ""
    return queryset.filter(**{f"{prefix}memberships__user": user, f"{prefix}memberships__is_active": True})


def get_for(request, model_or_queryset, perm: Perm = Perm.VIEW_PROGRAMME, **lookup) -> models.Model:
    """One object the user may reach, or 404; then 403 if they lack `perm`."""
    queryset = scoped(model_or_queryset, request.user)
    path = queryset.model.service_path
    if path:
        queryset = queryset.select_related(path)
    try:
        obj = queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require(request, perm, obj)
    return obj


def require(request, perm: Perm | str, obj: models.Model | None = None) -> None:
    if not can(request.user, perm, obj):
        raise PermissionDenied


def site_admin_queryset(request, model_or_queryset) -> models.QuerySet:
    """Whole-site lists, for site administrators only (403 for anyone else)."""
    require(request, "manage_site")
    return _queryset(model_or_queryset)
