"""State changes for programmes, phases and findings."""

from django.db import transaction

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.programmes.domain import Phase
from pathfinder.programmes.models import Finding, Programme, ProgrammePhase

_CURRENT = "_pathfinder_current_programme"


def current_programme(service) -> Programme | None:
    """The latest programme the service started (cached on the service object)."""
    if not hasattr(service, _CURRENT):
        setattr(service, _CURRENT, service.programmes.order_by("-started_on", "-id").first())
    return getattr(service, _CURRENT)


@transaction.atomic
def start_programme(*, service, name: str, started_on, by) -> Programme:
    programme = Programme.objects.create(service=service, name=name, started_on=started_on, started_by=by)
    ProgrammePhase.objects.bulk_create(
        [
            ProgrammePhase(
                programme=programme,
                phase=phase,
                status=ProgrammePhase.Status.IN_PROGRESS
                if phase == Phase.FAMILIARISE
                else ProgrammePhase.Status.NOT_STARTED,
                starts_on=started_on if phase == Phase.FAMILIARISE else None,
            )
            for phase in Phase
        ]
    )
    audit.record(audit.Kind.PROGRAMME_STARTED, actor=by, service=service, target=programme)
    if hasattr(service, _CURRENT):
        delattr(service, _CURRENT)
    return programme


@transaction.atomic
def update_phase(phase: ProgrammePhase, *, status: str, starts_on, ends_on, version: int, by) -> None:
    """Raises core.concurrency.StaleEdit if someone saved it in the meantime."""
    phase.status, phase.starts_on, phase.ends_on = status, starts_on, ends_on
    save_if_current(phase, version, ["status", "starts_on", "ends_on"])
    audit.record(audit.Kind.PHASE_CHANGED, actor=by, service=phase.programme.service, target=phase, status=status)


def add_finding(
    *,
    programme,
    theme: str,
    kind: str,
    text: str,
    by,
    principle: str = "",
    source_type: str = "manual",
    source_id: str = "",
    source_label: str = "",
) -> Finding:
    """The one way findings are made, by hand or by a tool."""
    return Finding.objects.create(
        programme=programme,
        theme=theme,
        principle=principle,
        kind=kind,
        text=text.strip(),
        source_type=source_type,
        source_id=source_id,
        source_label=source_label,
        created_by=by,
    )
