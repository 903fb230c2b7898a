from django.urls import reverse

from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm

register_nav(
    NavItem(
        "people",
        "People",
        lambda service, programme: reverse("people", args=[service.slug]),
        Perm.MANAGE_MEMBERS,
        order=80,
    )
)
