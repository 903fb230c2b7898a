"""Progress is a history, not an overwritten field: every update and every
change of details adds an entry, newest first, and entries never change."""

import pytest

from pathfinder.planning.models import ActionUpdate
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import form_data


def test_updates_and_edits_are_shown_newest_first(world, as_user, action):
    services.add_update(action, version=action.version, by=world.member, text="Dates booked.", status="in_progress")
    client = as_user(world.lead)
    client.post(f"/actions/{action.pk}/edit/", form_data(action, version=str(action.version), due_on="2027-06-30"))
    page = client.get(f"/actions/{action.pk}/").page
    entries = [" ".join(item.text_content().split()) for item in page.css("ol.pf-findings > li")]
    assert entries[0].startswith("Details changed · Alice Lead")
    assert "Due date: 31 March 2027 → 30 June 2027" in entries[0]
    assert entries[1].startswith("Progress update · Bob Member")
    assert "Status: not started → in progress" in entries[1] and "Dates booked." in entries[1]
    assert entries[2].startswith("Added to the plan · Alice Lead")


def test_the_history_cannot_be_rewritten(action):
    entry = action.updates.get()
    entry.text = "Something else"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        ActionUpdate.objects.filter(action=action).update(text="x")
    with pytest.raises(TypeError):
        ActionUpdate.objects.filter(action=action).delete()


def test_finishing_an_action_records_when(world, action):
    services.add_update(action, version=action.version, by=world.member, text="Done.", status="done")
    action.refresh_from_db()
    assert action.done_at is not None
    services.add_update(action, version=action.version, by=world.member, text="Reopened.", status="in_progress")
    action.refresh_from_db()
    assert action.done_at is None
