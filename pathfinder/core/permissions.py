"""Permission checks, answered from the Role → Permission table in roles.py.

Every permission is registered with `rules` as "pathfinder.<perm>", so code
asks `user.has_perm("pathfinder.manage_members", service)` or, shorter,
`can(user, Perm.MANAGE_MEMBERS, service)`. The object may be a Service or any
model that names the way to its service in `service_path`.
"""

from functools import reduce

import rules
from django.db import models

from pathfinder.core.roles import Perm, permissions_for

_ROLES_CACHE = "_pathfinder_roles"


def roles_of(user) -> dict[int, str]:
    """{service id: role} for the user's active memberships, cached per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        cached = dict(user.memberships.active().values_list("service_id", "role"))
        setattr(user, _ROLES_CACHE, cached)
    return cached


def forget_roles(user) -> None:
    if hasattr(user, _ROLES_CACHE):
        delattr(user, _ROLES_CACHE)


def service_id_of(obj: models.Model) -> int | None:
    path = getattr(obj, "service_path", None)
    if path is None:
        return None
    if path == "":
        return obj.pk
    # Follow foreign keys to the service id without loading the service itself.
    *parents, last = path.split("__")
    holder = reduce(getattr, parents, obj)
    return getattr(holder, f"{last}_id")


def role_in(user, obj: models.Model) -> str | None:
    service_id = service_id_of(obj)
    return roles_of(user).get(service_id) if service_id is not None else None


def _service_rule(perm: Perm):
    @rules.predicate(name=f"has_{perm}")
    def check(user, obj) -> bool:
        if obj is None:
            return False
        return perm in permissions_for(role_in(user, obj))

    return check


for _perm in Perm:
    rules.add_perm(f"pathfinder.{_perm}", _service_rule(_perm))


@rules.predicate
def is_site_admin(user) -> bool:
    return bool(getattr(user, "is_site_admin", False)) and user.is_active


@rules.predicate
def is_national_viewer(user) -> bool:
    return bool(getattr(user, "is_national_viewer", False)) and user.is_active


rules.add_perm("pathfinder.manage_site", is_site_admin)
rules.add_perm("pathfinder.view_national", is_national_viewer | is_site_admin)


def can(user, perm: Perm | str, obj: models.Model | None = None) -> bool:
    return user.has_perm(f"pathfinder.{perm}", obj)
