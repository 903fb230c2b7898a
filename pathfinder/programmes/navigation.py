from django.urls import reverse

from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm


def _dashboard(service, programme):
    return reverse("service_home", args=[service.slug])


register_nav(NavItem("programme", "Programme", _dashboard, Perm.VIEW_PROGRAMME, order=10))
