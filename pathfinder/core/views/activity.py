from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from pathfinder.core import audit
from pathfinder.core.models import AuditEvent, Service
from pathfinder.core.pages import service_context
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped

PAGE_SIZE = 50


@require_safe
def activity(request, slug):
    """The service's audit trail: who did what, when. Read-only."""
    service = get_for(request, Service, Perm.VIEW_AUDIT, slug=slug)
    events = scoped(AuditEvent, request.user).filter(service=service).select_related("actor")
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/activity.html",
        service_context(request, service, current="people", page=page, describe=audit.describe),
    )
