"""Action fields in plain words: for the history, and for showing a stale
edit beside what the person typed."""

from datetime import date
from decimal import Decimal

from pathfinder.programmes.domain import Theme

# The fields a person edits, in the order the form shows them, with their names.
ACTION_FIELDS = {
    "title": "Title",
    "description": "Description",
    "theme": "Theme",
    "owner": "Owner",
    "starts_on": "Start date",
    "due_on": "Due date",
    "status": "Status",
    "blocked_reason": "What is blocking it",
    "priority": "Priority",
    "activity": "Theory of change activity",
    "outcome": "Outcome it serves",
    "direct_cost": "Direct cost",
    "staff_hours": "Staff hours",
    "indirect_notes": "Indirect costs",
    "funding_source": "Funding source",
    "decision_needed": "Decision needed from senior management",
}
# Long text: the history says that it changed rather than copying it twice.
LONG_TEXT = {"description", "indirect_notes", "blocked_reason", "decision_needed"}


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def money(value: Decimal | None) -> str:
    return f"£{(value or Decimal(0)):,.2f}"


def hours(value: Decimal | None) -> str:
    value = value or Decimal(0)
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text} hour{'' if value == 1 else 's'}"


def describe(name: str, value) -> str:
    """One field's value as a person would say it."""
    from pathfinder.planning.models import Action

    if value in (None, ""):
        return "none"
    if name == "theme":
        return Theme(value).label
    if name == "status":
        return Action.Status(value).label
    if name == "priority":
        return Action.Priority(value).label
    if name == "owner":
        return value.user.full_name or value.user.email
    if name in {"starts_on", "due_on"}:
        return long_date(value)
    if name == "direct_cost":
        return money(value)
    if name == "staff_hours":
        return hours(value)
    return str(value)


def short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def differences(before: dict, after: dict) -> list[list[str]]:
    """[[what, before, after], …] for the fields that differ. Long text is
    shortened: the action itself always holds the whole of it."""
    changes = []
    for name, label in ACTION_FIELDS.items():
        if name not in before or name not in after or before[name] == after[name]:
            continue
        old, new = describe(name, before[name]), describe(name, after[name])
        if name in LONG_TEXT:
            old, new = short(old), short(new)
        changes.append([label, old, new])
    return changes
