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
from pathfinder.core.rows import Statement, column, table

_ROLES_CACHE = "_pathfinder_roles"
# What a fetch that already joined the user's membership learned on the way
# (scoping.get_for): the role in that one service, and how many services the
# user belongs to. Kept on the user object like the roles, so for one request.
_KNOWN_ROLE = "_pathfinder_known_role"
_KNOWN_COUNT = "_pathfinder_known_service_count"


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def roles_of(user) -> dict[int, str]:
    """{service id: role} for the user's active memberships, cached per request."""
    if not _signed_in(user):
        return {}
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        cached = _active_roles(user.pk)
        setattr(user, _ROLES_CACHE, cached)
    return cached


def _write_roles(connection) -> str:
    from pathfinder.accounts.models import User
    from pathfinder.core.models import Membership

    def member(name):
        return "m." + column(connection, Membership, name)

    return (
        f"SELECT {member('service')}, {member('role')} FROM {table(connection, Membership)} m"  # noqa: S608 (names from the models, values as parameters)
        f" JOIN {table(connection, User)} u ON u.{column(connection, User, 'id')} = {member('user')}"
        f" WHERE {member('user')} = %s AND {member('is_active')} = %s AND u.{column(connection, User, 'is_active')} = %s"
    )


_ROLES = Statement(_write_roles)


def _active_roles(user_id: int) -> dict[int, str]:
    """What user.memberships.active().values_list("service_id", "role") gives,
    sent as a statement written once per engine (core/rows.py): every signed-in
    page asks it. A test holds it to the ORM's answer."""
    from django.db import connections, router

    from pathfinder.core.models import Membership

    connection = connections[router.db_for_read(Membership)]
    with connection.cursor() as cursor:
        cursor.execute(_ROLES.sql(connection), [user_id, True, True])
        return dict(cursor.fetchall())


def learn_role(user, service_id: int, role: str, service_count: int) -> None:
    """Keep what a scoped fetch found on its way (the user's role in the
    service of the object it fetched, and the number of their services), so
    the permission checks and the service bar of the same request need not ask
    again. The full roles, once asked for, always win."""
    if _signed_in(user) and getattr(user, _ROLES_CACHE, None) is None:
        setattr(user, _KNOWN_ROLE, (service_id, role))
        setattr(user, _KNOWN_COUNT, service_count)


def service_count(user) -> int:
    """How many services the user is an active member of (for "Switch service")."""
    if not _signed_in(user):
        return 0
    if getattr(user, _ROLES_CACHE, None) is None and getattr(user, _KNOWN_COUNT, None) is not None:
        return getattr(user, _KNOWN_COUNT)
    return len(roles_of(user))


def forget_roles(user) -> None:
    for name in (_ROLES_CACHE, _KNOWN_ROLE, _KNOWN_COUNT):
        if hasattr(user, name):
            delattr(user, name)


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
    if service_id is None or not _signed_in(user):
        return None
    known = getattr(user, _KNOWN_ROLE, None)
    if getattr(user, _ROLES_CACHE, None) is None and known is not None and known[0] == service_id:
        return known[1]
    return roles_of(user).get(service_id)


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
