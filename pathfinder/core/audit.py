"""Write audit events on purpose, from the services that change things.

`record` is the one way events are written. Details carry identifiers and
short labels, never free text that a person typed.
"""

from django.db import models

from pathfinder.core.models import AuditEvent

Kind = AuditEvent.Kind


def record(
    kind: str,
    *,
    actor=None,
    service=None,
    target: models.Model | None = None,
    **detail,
) -> AuditEvent:
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor,
        service=service,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        detail=detail,
    )
