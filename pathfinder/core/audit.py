"""Write audit events on purpose, from the services that change things.

`record` is the one way events are written. Details carry identifiers and
short labels, never free text that a person typed.
"""

from django.db import models

from pathfinder.core.models import AuditEvent

Kind = AuditEvent.Kind

# What a person sees about their own account on "Your recent sign-ins".
SIGN_IN_KINDS = (
    Kind.SIGN_IN,
    Kind.SIGN_IN_FAILED,
    Kind.MFA_FAILED,
    Kind.MFA_CHANGED,
    Kind.PASSWORD_CHANGED,
    Kind.PASSWORD_RESET_REQUESTED,
    Kind.PASSWORD_RESET,
)


def describe(event: AuditEvent) -> str:
    """One line for the activity log: the kind, and what an export was."""
    label = event.get_kind_display()
    if label == event.kind and "." in label:
        # A tool's own kind, such as "plan.action_created", in words: "Plan: action created".
        area, rest = label.split(".", 1)
        label = f"{area.replace('_', ' ').capitalize()}: {rest.replace('_', ' ').replace('.', ' ')}"
    what = event.detail.get("what") if isinstance(event.detail, dict) else None
    if event.kind == Kind.EXPORT and what:
        fmt = event.detail.get("format")
        return f"{label}: {what}" + (f" ({str(fmt).upper()})" if fmt else "")
    return label


def recent_sign_ins(user, limit: int = 50):
    """The person's own sign-ins and what happened to their account: events
    they did, or that were tried on their account by someone unknown."""
    from django.db.models import Q

    own = Q(actor=user) | Q(target_type=user._meta.label_lower, target_id=str(user.pk))
    return AuditEvent.objects.filter(own, kind__in=SIGN_IN_KINDS)[:limit]


def record(
    kind: str,
    *,
    actor=None,
    service=None,
    target: models.Model | None = None,
    target_ref: tuple[str, str] | None = None,
    **detail,
) -> AuditEvent:
    """`target_ref` ("app.model", "pk") names the target when only its name is
    at hand, as for a document made in the background."""
    if kind == Kind.EXPORT and not detail.get("what"):
        # The log must say what left the service, not only that something did.
        raise ValueError("An export event needs `what`: the thing that was exported.")
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor,
        service=service,
        target_type=target._meta.label_lower if target is not None else (target_ref or ("", ""))[0],
        target_id=str(target.pk) if target is not None else (target_ref or ("", ""))[1],
        detail=detail,
    )
