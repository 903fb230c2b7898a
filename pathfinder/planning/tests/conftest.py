import subprocess
from datetime import date
from decimal import Decimal

import pytest

from pathfinder.planning.services import actions as services
from pathfinder.testing.factories import FindingFactory


@pytest.fixture
def finding(world):
    return FindingFactory(
        programme=world.programme, theme="wellbeing", text="Reflective practice keeps being cancelled."
    )


def make_action(world, by=None, findings=(), **fields):
    """An action in the home programme, owned by the group member unless told otherwise."""
    values = {
        "title": "Protect reflective practice",
        "theme": "wellbeing",
        "owner": world.memberships.member,
        "starts_on": date(2026, 10, 1),
        "due_on": date(2027, 3, 31),
        "direct_cost": Decimal("0"),
        "staff_hours": Decimal("0"),
        **fields,
    }
    return services.create_action(programme=world.programme, by=by or world.lead, findings=findings, **values)


@pytest.fixture
def action(world, finding):
    return make_action(world, findings=[finding])


def form_data(action=None, **overrides) -> dict:
    """What the action form posts: everything a person would leave filled in."""
    data = {
        "title": "Protect reflective practice",
        "description": "",
        "theme": "wellbeing",
        "owner": "",
        "starts_on": "2026-10-01",
        "due_on": "2027-03-31",
        "status": "not_started",
        "blocked_reason": "",
        "priority": "medium",
        "activity": "",
        "outcome": "",
        "direct_cost": "0",
        "staff_hours": "0",
        "indirect_notes": "",
        "funding_source": "",
        "decision_needed": "",
    }
    if action is not None:
        data |= {
            "title": action.title,
            "theme": action.theme,
            "owner": str(action.owner_id),
            "status": action.status,
            "version": str(action.version),
            "findings": [str(pk) for pk in action.findings.values_list("pk", flat=True)],
        }
    data.update(overrides)
    return data


def pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


@pytest.fixture
def on_day(monkeypatch):
    """on_day(date): pages and services think today is that date."""
    from django.utils import timezone

    def travel(day: date):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return travel
