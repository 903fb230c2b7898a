"""Fetching lens records, always through the scoping helpers.

Who may do what:
- everyone in the service (VIEW_PROGRAMME) sees the pathway, the vignettes,
  the list of events and, once an event is closed, its report;
- participants (people the lead added to an event) see their own event page
  with the agenda and the support arrangements, walk their group's journeys
  adding notes, and vote;
- facilitators (RECORD_FINDINGS: the lead and the implementation group) see
  the live map and turn what the room found into findings;
- the lead (MANAGE_PROGRAMME) prepares and runs the event, and alone sees the
  facilitation plan and the record of vouchers given.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from pathfinder.core.models import Service
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.lens.models import EventParticipant, Journey, LensEvent, Stage
from pathfinder.programmes.services import current_programme

EVENT_RELATED = ("programme__service",)


def get_service(request, slug, perm: Perm = Perm.VIEW_PROGRAMME) -> Service:
    return get_for(request, Service, perm, slug=slug)


def get_event(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> LensEvent:
    return get_for(request, scoped(LensEvent, request.user).select_related(*EVENT_RELATED), perm, pk=pk)


def my_place(request, event) -> EventParticipant | None:
    """The signed-in person's own row in the event, if they are taking part."""
    return (
        scoped(EventParticipant, request.user)
        .filter(event=event, membership__user=request.user, membership__is_active=True)
        .select_related("group")
        .first()
    )


def participant_or(request, event, perm: Perm) -> EventParticipant | None:
    """Participants get in; so does anyone with `perm`. Everyone else: 403."""
    place = my_place(request, event)
    if place is None and not can(request.user, perm, event):
        raise PermissionDenied
    return place


def visible_report_event(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> LensEvent:
    """Like an assessment's results: facilitators see the report as the room
    fills it in; everyone in the programme once the event is closed."""
    event = get_event(request, pk, perm)
    if not event.is_closed and not can(request.user, Perm.RECORD_FINDINGS, event):
        raise PermissionDenied
    return event


def get_journey(request, pk) -> tuple[Journey, EventParticipant | None]:
    """A journey its own group's participants may walk; facilitators may walk any."""
    journeys = scoped(Journey, request.user).select_related("vignette", "group__event__programme__service")
    journey = get_for(request, journeys, Perm.VIEW_PROGRAMME, pk=pk)
    place = my_place(request, journey.group.event)
    if can(request.user, Perm.RECORD_FINDINGS, journey):
        return journey, place
    if place is None or place.group_id != journey.group_id:
        raise PermissionDenied
    return journey, place


def get_stage(request, service, pk) -> Stage:
    try:
        return scoped(Stage, request.user).filter(pathway__service=service).get(pk=pk)
    except (Stage.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def page(request, service, **context) -> dict:
    """Context for a lens page: the service, its programme and the nav."""
    programme = context.pop("programme", None) or current_programme(service)
    return service_context(request, service, programme=programme, current="lens", **context)


def event_page(request, event, **context) -> dict:
    return page(request, event.programme.service, programme=event.programme, event=event, **context)
