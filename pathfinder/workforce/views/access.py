"""Fetching programmes, plans and staff for the training pages, always through
the scoping helpers: outside your memberships a thing does not exist (404);
inside, without the permission, it is forbidden (403)."""

from django.urls import reverse

from pathfinder.core.models import Membership
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.programmes.models import Programme
from pathfinder.workforce.models import TrainingPlan

# Editing the role map, the catalogue, the register and plans. A permission of
# its own (say MANAGE_TRAINING) would let a service hand this to a training lead.
MANAGE = Perm.MANAGE_PROGRAMME


def get_programme(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, Programme, perm, pk=pk)


def get_plan(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> TrainingPlan:
    plans = scoped(TrainingPlan, request.user).select_related("programme__service", "source_survey", "created_by")
    return get_for(request, plans, perm, pk=pk)


def get_member(request, programme, pk) -> Membership:
    """An active member of the programme's service, with their job role if recorded."""
    members = (
        scoped(Membership, request.user)
        .filter(service=programme.service)
        .active()
        .select_related("user", "workforce_profile")
    )
    return get_for(request, members, MANAGE, pk=pk)


def overview_crumb(programme) -> dict:
    return {"text": "Training", "href": reverse("training_overview", args=[programme.pk])}


def training_context(request, programme, *, section: str, crumbs=(), **extra) -> dict:
    """What every training page needs: the service's navigation, the training
    sections this person may use, and breadcrumbs back to the overview."""
    service = programme.service
    return service_context(
        request,
        service,
        programme=programme,
        current="training",
        section=section,
        can_manage=can(request.user, MANAGE, service),
        breadcrumbs=[overview_crumb(programme), *crumbs] if section != "overview" else [],
        **extra,
    )
