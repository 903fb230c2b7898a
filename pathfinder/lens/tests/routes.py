"""Who may use each lens URL, written exactly as the lines proposed for
tests/test_route_matrix.py (helpers + ROUTES entries), so test_access.py can
check them here, with the matrix's own rules, before they are pasted there."""

from pathfinder.core.roles import Perm
from tests.test_route_matrix import Route


# --- helpers to paste into tests/test_route_matrix.py ---------------------------------
def _lens_event(w, status="draft"):
    """A lens event with one pathway stage and one group following two built-in
    vignettes; the lead and the member take part in the group."""
    from pathfinder.lens import services
    from pathfinder.lens.models import LensEvent, Vignette

    services.add_stage(w.service, name="Referral")
    event = services.create_event(programme=w.programme, title="Lens event", by=w.lead)
    group = services.add_group(
        event, name="Group 1", tier="lower", vignettes=list(Vignette.objects.filter(service=None, tier="lower")[:2])
    )
    services.add_members(event, [w.memberships.member, w.memberships.lead], group=group, by=w.lead)
    LensEvent.objects.filter(pk=event.pk).update(status=status)
    event.refresh_from_db()
    return event


def _lens(w, status="draft", **extra):
    return {"pk": _lens_event(w, status).pk, **extra}


def _lens_stage(w):
    from pathfinder.lens import services

    return {"slug": w.service.slug, "pk": services.add_stage(w.service, name="Assessment").pk}


def _lens_journey(w, **extra):
    event = _lens_event(w, "open")
    journey = event.groups.get().journeys.get(position=1)
    return {"pk": journey.pk, **extra}


def _lens_journey_stage(w):
    kwargs = _lens_journey(w)
    return {**kwargs, "stage": w.service.lens_pathway.stages.get().pk}


def _lens_priority(w, status="open"):
    from pathfinder.lens import services
    from pathfinder.lens.models import LensEvent

    event = _lens_event(w, "open")
    priority = services.add_priority(event, title="Clearer waits")
    LensEvent.objects.filter(pk=event.pk).update(status=status)
    return priority


def _lens_voucher(w):
    from pathfinder.lens import services

    event = _lens_event(w)
    record = services.record_reimbursement(
        event.participants.first(), voucher_type="Gift card", amount="20", given_on="2026-11-18", by=w.lead
    )
    return {"pk": record.pk}


def _lens_vignette(w):
    from pathfinder.lens import services

    vignette = services.add_vignette(
        w.service, name="Ailsa", age=30, tier="mid", story="A made-up story.", purpose="Waiting.", content_note=""
    )
    return {"slug": w.service.slug, "pk": vignette.pk}


def _slug(w):
    return {"slug": w.service.slug}


def _programme(w):
    return {"pk": w.programme.pk}


# --- ROUTES entries to paste into tests/test_route_matrix.py ---------------------------
LENS_ROUTES = {
    "lens_pathway": Route("service", Perm.VIEW_PROGRAMME, _slug),
    "lens_pathway_edit": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "lens_pathway_start": Route("service", Perm.MANAGE_PROGRAMME, _slug, ("POST",), ok=302),
    "lens_stage_new": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "lens_stage_edit": Route("service", Perm.MANAGE_PROGRAMME, _lens_stage),
    # A stale version: allowed people are told the pathway changed and sent back to it.
    "lens_stage_move": Route(
        "service",
        Perm.MANAGE_PROGRAMME,
        _lens_stage,
        ("POST",),
        ok=302,
        data=lambda w: {"direction": "up", "version": 99},
    ),
    # The confirmation page (200), then the removal itself (302 back to the pathway).
    "lens_stage_remove": Route("service", Perm.MANAGE_PROGRAMME, _lens_stage, ("GET", "POST"), ok=(200, 302)),
    "lens_stage_restore": Route("service", Perm.MANAGE_PROGRAMME, _lens_stage, ("POST",), ok=302),
    "lens_vignettes": Route("service", Perm.VIEW_PROGRAMME, _slug),
    "lens_vignette_new": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "lens_vignette_edit": Route("service", Perm.MANAGE_PROGRAMME, _lens_vignette),
    "lens_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "lens_event_new": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "lens_event": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_event_details": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_event_support": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    # A stale version: allowed people are told the event changed and sent back to it.
    "lens_event_move": Route(
        "service", Perm.MANAGE_PROGRAMME, _lens, ("POST",), ok=302, data=lambda w: {"action": "open", "version": 99}
    ),
    # Participants' own page (the lead may preview it): the member takes part, the viewer does not.
    "lens_my_event": Route("service", kwargs=_lens, only=frozenset({"lead", "member"})),
    "lens_groups": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_group_edit": Route("service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).groups.get().pk}),
    "lens_group_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).groups.get().pk}, ("POST",), ok=302
    ),
    "lens_participants": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_participant_edit": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).participants.first().pk}
    ),
    "lens_participant_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).participants.first().pk}, ("POST",), ok=302
    ),
    "lens_reimbursements": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_reimbursement_remove": Route("service", Perm.MANAGE_PROGRAMME, _lens_voucher, ("POST",), ok=302),
    "lens_live": Route("service", Perm.RECORD_FINDINGS, lambda w: _lens(w, "open")),
    # A group's own participants walk its journeys; facilitators (RECORD_FINDINGS) may walk any.
    "lens_journey": Route("service", kwargs=_lens_journey, only=frozenset({"lead", "member"})),
    "lens_journey_stage": Route(
        "service",
        kwargs=_lens_journey_stage,
        only=frozenset({"lead", "member"}),
    ),
    "lens_priorities": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_priority_edit": Route("service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_priority(w).pk}),
    "lens_priority_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_priority(w).pk}, ("POST",), ok=302
    ),
    # Only people taking part vote (the lead and the member here).
    "lens_vote": Route("service", kwargs=lambda w: _lens(w, "open"), only=frozenset({"lead", "member"})),
    # Everyone in the programme reads the report once the event is closed.
    "lens_results": Route("service", Perm.VIEW_PROGRAMME, lambda w: _lens(w, "closed")),
    "lens_make_finding": Route(
        "service",
        Perm.RECORD_FINDINGS,
        lambda w: {"pk": _lens_priority(w, "closed").event_id},
        ("POST",),
        ok=302,
        data=lambda w: {"item": f"priority:{w.programme.lens_events.get().priorities.get().pk}"},
    ),
    "lens_export": Route("service", Perm.EXPORT_DATA, lambda w: _lens(w, "closed", fmt="docx")),
    "lens_leaflet": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_leaflet_pdf": Route("service", Perm.VIEW_PROGRAMME, lambda w: _lens(w, layout="standard")),
}
