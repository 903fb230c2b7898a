"""The phase one page: progress of each part, and what phase one found per
theme, as guidance for getting ready for the lens event."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.discovery.presenters.phase_one import readiness
from pathfinder.programmes.domain import Phase
from pathfinder.programmes.models import Programme, ProgrammePhase


@require_safe
def overview(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    phase = scoped(ProgrammePhase, request.user).filter(programme=programme, phase=Phase.FAMILIARISE).first()
    ready = readiness(programme, request.user)
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="discovery",
        phase=phase,
        progress=ready.progress,
        readiness=ready.found,
        quiet=ready.quiet,
        can_manage=can(request.user, Perm.MANAGE_PROGRAMME, programme),
        can_export=can(request.user, Perm.EXPORT_DATA, programme),
    )
    return render(request, "discovery/overview.html", context)
