"""State changes for programmes, phases and findings."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.programmes.domain import Phase, Principle
from pathfinder.programmes.models import Finding, Programme, ProgrammePhase
from pathfinder.programmes.registry import finding_locked

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


class NotEditable(Exception):
    """This finding can no longer be changed (by this person, or at all)."""


def principles_in_order(values: Iterable[str]) -> list[str]:
    """Every principle given, once each, in the method's order. Unknown values
    are a programming error, not something a person typed."""
    given = set(values)
    unknown = given - set(Principle.values)
    if unknown:
        raise ValueError(f"not principles: {sorted(unknown)}")
    return [value for value in Principle.values if value in given]


def add_finding(
    *,
    programme,
    theme: str,
    kind: str,
    text: str,
    by,
    principles: Iterable[str] = (),
    source_type: str = "manual",
    source_id: str = "",
    source_label: str = "",
) -> Finding:
    """The one way findings are made, by hand or by a tool. `principles` are
    all the principles it was tagged with; the source says where it came from
    (a registered source type, the thing's id in that tool, and a label)."""
    return Finding.objects.create(
        programme=programme,
        theme=theme,
        principles=principles_in_order(principles),
        kind=kind,
        text=text.strip(),
        source_type=source_type,
        source_id=source_id,
        source_label=source_label.strip(),
        created_by=by,
    )


def why_not_editable(finding: Finding, user) -> str | None:
    """None if `user` may edit `finding` now; otherwise why not, in plain words."""
    if finding.created_by_id is None or finding.created_by_id != user.pk:
        return "Only the person who recorded this finding can change it."
    return finding_locked(finding)


@transaction.atomic
def edit_finding(
    finding: Finding, *, version: int, by, theme: str, kind: str, text: str, principles: Iterable[str], **source
) -> None:
    """Change a finding its maker recorded, until an action answers it.
    Raises NotEditable, or core.concurrency.StaleEdit if it was saved since."""
    locked = Finding.objects.select_for_update().get(pk=finding.pk)
    reason = why_not_editable(locked, by)
    if reason:
        raise NotEditable(reason)
    finding.theme, finding.kind, finding.text = theme, kind, text.strip()
    finding.principles = principles_in_order(principles)
    finding.updated_at = timezone.now()
    fields = ["theme", "kind", "text", "principles", "updated_at"]
    if "source_label" in source:
        finding.source_label = source["source_label"].strip()
        fields.append("source_label")
    save_if_current(finding, version, fields)
    audit.record("finding.changed", actor=by, service=finding.programme.service, target=finding)
