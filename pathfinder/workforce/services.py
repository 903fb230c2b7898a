"""Wellbeing plans: the one place they are read, saved, deleted and re-keyed.

Every function takes the plan's owner; nothing fetches a plan by id, so no page
can reach anyone else's. A plan's words never go into an audit event or a log.
A person working on their own plan is not recorded in the audit trail at all:
only they can see the plan, and a record of when someone looks at their own
wellbeing plan would tell others more than it protects.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from pathfinder.core import crypto
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.workforce.models import ENCRYPTED_COLUMNS, SECTION_MAX_LENGTH, SECTIONS, WellbeingPlan

# The version a form carries when the person has no plan yet.
NO_PLAN = 0


def plan_for(owner) -> WellbeingPlan | None:
    """The owner's own plan, or None if they have not made one."""
    return WellbeingPlan.objects.filter(owner=owner).first()


@transaction.atomic
def save_plan(owner, texts: dict[str, str], version: int) -> WellbeingPlan:
    """Save the owner's plan. `version` is the one they were shown (NO_PLAN if
    they had none). Raises StaleEdit if the plan was saved, made or deleted
    elsewhere since; `current` is then the plan as it is now, or None."""
    _check(texts)
    if version == NO_PLAN:
        return _create(owner, texts)
    plan = plan_for(owner)
    if plan is None:
        raise StaleEdit(None)
    _fill(plan, texts)
    save_if_current(plan, version, [*ENCRYPTED_COLUMNS, "updated_on"])
    return plan


def _create(owner, texts: dict[str, str]) -> WellbeingPlan:
    if (current := plan_for(owner)) is not None:
        raise StaleEdit(current)
    plan = WellbeingPlan(owner=owner)
    _fill(plan, texts)
    try:
        # Two first saves at once: the second meets the one-plan-per-person rule.
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        raise StaleEdit(plan_for(owner)) from None
    return plan


def _check(texts: dict[str, str]) -> None:
    unknown = set(texts) - set(SECTIONS)
    if unknown:
        raise ValueError(f"A wellbeing plan has no section called {sorted(unknown)}.")
    for name, text in texts.items():
        if len(text) > SECTION_MAX_LENGTH:
            raise ValueError(f"The {name} section is longer than {SECTION_MAX_LENGTH} characters.")


def _fill(plan: WellbeingPlan, texts: dict[str, str]) -> None:
    for name in SECTIONS:
        setattr(plan, name, texts.get(name, "").strip())
    plan.updated_on = timezone.localdate()


def delete_plan(owner) -> bool:
    """Delete the owner's plan for good. True if there was one."""
    deleted, _ = WellbeingPlan.objects.filter(owner=owner).delete()
    return bool(deleted)


def rotate_all() -> int:
    """Re-encrypt every plan with the newest key; returns how many changed.

    Registered with pathfinder.core.crypto, run by `manage.py pathfinder rotatekeys`.
    The version is not bumped (the words are unchanged), but a plan saved while it
    was being rotated is read again rather than overwritten.
    """
    changed = 0
    for pk in WellbeingPlan.objects.order_by("pk").values_list("pk", flat=True).iterator():
        while (plan := WellbeingPlan.objects.filter(pk=pk).first()) is not None:
            tokens = {column: crypto.rotate(token) for column in ENCRYPTED_COLUMNS if (token := getattr(plan, column))}
            if not tokens:
                break
            if WellbeingPlan.objects.filter(pk=pk, version=plan.version).update(**tokens):
                changed += 1
                break
    return changed
