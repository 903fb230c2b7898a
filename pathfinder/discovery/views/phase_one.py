"""The phase one page: progress of each part, and what phase one found per
theme, as guidance for getting ready for the lens event."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.discovery.phase_one import parts
from pathfinder.programmes.domain import Phase, Theme
from pathfinder.programmes.models import Programme, ProgrammePhase


@require_safe
def overview(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    phase = scoped(ProgrammePhase, request.user).filter(programme=programme, phase=Phase.FAMILIARISE).first()
    found: dict[str, list[str]] = {}
    progress = []
    for part in parts():
        progress.append((part, part.progress(programme, request.user)))
        for theme, lines in part.found(programme, request.user).items():
            found.setdefault(theme, []).extend(lines)
    readiness = [(theme.label, found[theme.value]) for theme in Theme if theme.value in found]
    quiet = [theme.label for theme in Theme if theme.value not in found]
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="discovery",
        phase=phase,
        progress=progress,
        readiness=readiness,
        quiet=quiet,
        can_manage=can(request.user, Perm.MANAGE_PROGRAMME, programme),
    )
    return render(request, "discovery/overview.html", context)
