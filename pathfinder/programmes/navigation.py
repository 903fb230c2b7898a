from django.urls import reverse

from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.programmes.services import current_programme


def _dashboard(service, programme):
    return reverse("service_home", args=[service.slug])


def _findings(service, programme):
    programme = programme or current_programme(service)
    return reverse("programme_findings", args=[programme.pk]) if programme else None


register_nav(NavItem("programme", "Programme", _dashboard, Perm.VIEW_PROGRAMME, order=10))
register_nav(NavItem("findings", "Findings", _findings, Perm.VIEW_PROGRAMME, order=20))
