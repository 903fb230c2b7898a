"""Fetch helpers that keep every query inside the user's memberships.

Views never call `Model.objects` (a test enforces it); they call these.
- Outside the user's memberships an object does not exist: 404.
- Inside, without the permission asked for: 403.
Models say how to reach their service with `service_path`, for example
"programme__service"; a Service itself has the empty path.

A page made of parts that each ask for the same thing (the dashboard's
panels, the phase one parts, the Progress page's measures) reads it once:
inside `shared_lookups()`, `once(key, make)` answers a key asked before from
what `make` returned the first time. Outside such a block nothing is kept, so
code that writes and reads again is never answered from an old copy.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, F, OuterRef, Subquery
from django.http import Http404

from pathfinder.core.permissions import can, learn_role, service_id_of
from pathfinder.core.roles import Perm


def _queryset(model_or_queryset) -> models.QuerySet:
    if isinstance(model_or_queryset, models.QuerySet):
        return model_or_queryset
    return model_or_queryset._default_manager.all()


def scoped(model_or_queryset, user) -> models.QuerySet:
    """Only the rows that belong to services where `user` is an active member.

    Inside `shared_lookups()`, once `get_for` has reached an object there, only
    the rows of the services reached so far in the block: `get_for` has just
    found the user an active member of each, so the membership join need not
    be made again in every part of the page (on PostgreSQL it roughly doubled
    each panel's query). Never more than the join would give; a part that
    needs the user's other services too must run outside the block."""
    queryset = _queryset(model_or_queryset)
    reached = _reached(user) if _active(user) else None
    if reached:
        path = queryset.model.service_path
        return queryset.filter(**{f"{path}_id__in" if path else "pk__in": sorted(reached)})
    return _joined(queryset, user)


def _active(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def _joined(queryset: models.QuerySet, user) -> models.QuerySet:
    """Through the user's active memberships (nothing for anyone signed out or inactive)."""
    if not _active(user):
        return queryset.none()
    path = queryset.model.service_path
    prefix = f"{path}__" if path else ""
    return queryset.filter(**{f"{prefix}memberships__user": user, f"{prefix}memberships__is_active": True})


def _reached(user) -> set[int] | None:
    memo = _shared.get()
    return None if memo is None else memo.get(("reached-services", user.pk))


def get_for(request, model_or_queryset, perm: Perm = Perm.VIEW_PROGRAMME, **lookup) -> models.Model:
    """One object the user may reach, or 404; then 403 if they lack `perm`."""
    user = request.user
    queryset = _queryset(model_or_queryset)
    # Always through the membership join: the role comes from the joined row.
    queryset = _joined(queryset, user)
    path = queryset.model.service_path
    if path:
        queryset = queryset.select_related(path)
    learning = _active(user)
    if learning:
        queryset = _with_role(queryset, path, user)
    try:
        obj = queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if learning:
        learn_role(user, service_id_of(obj), obj._pathfinder_role, obj._pathfinder_service_count)
        memo = _shared.get()
        if memo is not None and service_id_of(obj) is not None:
            memo.setdefault(("reached-services", user.pk), set()).add(service_id_of(obj))
    require(request, perm, obj)
    return obj


def _with_role(queryset: models.QuerySet, path: str, user) -> models.QuerySet:
    """The same fetch, also bringing the user's role in the object's service
    (from the membership row `scoped` already joins) and the number of their
    services, so the permission check and the service bar need no query."""
    from pathfinder.core.models import Membership

    prefix = f"{path}__" if path else ""
    services = (
        Membership.objects.filter(user=OuterRef(f"{prefix}memberships__user"), is_active=True)
        .order_by()
        .values("user")
        .annotate(total=Count("service", distinct=True))
        .values("total")
    )
    return queryset.annotate(
        _pathfinder_role=F(f"{prefix}memberships__role"), _pathfinder_service_count=Subquery(services)
    )


def require(request, perm: Perm | str, obj: models.Model | None = None) -> None:
    if not can(request.user, perm, obj):
        raise PermissionDenied


def site_admin_queryset(request, model_or_queryset) -> models.QuerySet:
    """Whole-site lists, for site administrators only (403 for anyone else)."""
    require(request, "manage_site")
    return _queryset(model_or_queryset)


_shared: ContextVar[dict | None] = ContextVar("pathfinder_shared_lookups", default=None)


@contextmanager
def shared_lookups() -> Iterator[None]:
    """For a page that only reads: lookups asked for again inside the block are
    answered from the first answer. Nothing outlives the block."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def once(key: tuple, make: Callable):
    """`make()`, or inside `shared_lookups()` what it returned the first time
    for `key`. The key must name everything the answer depends on: the user
    (their id), the programme or service, and what is asked."""
    memo = _shared.get()
    if memo is None:
        return make()
    if key not in memo:
        memo[key] = make()
    return memo[key]
