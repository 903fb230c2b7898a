"""Fetching rounds and the rater's own row, always through the scoping helpers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from pathfinder.assessments.models import AssessmentRound, Rater
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped


def get_round(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> AssessmentRound:
    rounds = scoped(AssessmentRound, request.user).select_related(
        "programme__service", "instrument_version__instrument"
    )
    return get_for(request, rounds, perm, pk=pk)


def my_rater_row(request, round_) -> Rater:
    """The signed-in person's own place in the round; 403 if they were not asked to rate."""
    rater = scoped(Rater, request.user).filter(round=round_, user=request.user).first()
    if rater is None:
        raise PermissionDenied
    return rater


def section_or_404(definition, key: str):
    for position, section in enumerate(definition.sections):
        if section.key == key:
            return position, section
    raise Http404


def can_run(request, service) -> bool:
    return can(request.user, Perm.RUN_ASSESSMENTS, service)
