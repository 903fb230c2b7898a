"""The long lists (by theme, the timeline) read actions as plain values
(services/listing.py); their rows must say exactly what rows from full
actions say, for every status, owner and count of findings."""

import dataclasses
from datetime import date

from django.contrib.auth import get_user_model

from pathfinder.core.scoping import scoped
from pathfinder.planning.models import Action
from pathfinder.planning.presenters import plan as presenters
from pathfinder.planning.services import listing
from pathfinder.planning.tests.test_query_counts import add_actions
from pathfinder.planning.views.plan import plan_actions


def _said(row) -> dict:
    """Everything a row shows, with the action reduced to what the lists read of it."""
    action = row.action
    shown = {name: getattr(action, name) for name in ("pk", "title", "priority", "due_on", "starts_on")}
    shown |= {
        "status_value": action.status,
        "theme_value": action.theme,
        "is_done": action.is_done,
        "overdue_then": action.is_overdue(date(2027, 6, 1)),
    }
    return {field.name: getattr(row, field.name) for field in dataclasses.fields(row) if field.name != "action"} | shown


def test_listed_rows_say_what_full_rows_say(world, rf):
    add_actions(world, 40)
    # One owner's account is closed while their membership stays: they have left too.
    get_user_model().objects.filter(pk=world.memberships.lead.user_id).update(full_name="")
    Action.objects.filter(title="Action 3").update(owner=None, priority=Action.Priority.HIGH)
    request = rf.get("/")
    request.user = world.lead
    today = date(2027, 1, 15)
    full = presenters.action_rows(plan_actions(request, world.programme), today)
    listed = presenters.listed_rows(listing.listed(scoped(Action, world.lead).filter(programme=world.programme)), today)
    assert [_said(row) for row in listed] == [_said(row) for row in full]
    said = [_said(row) for row in listed]
    assert {row["owner_left"] for row in said} == {True, False}
    assert "No owner yet" in {row["owner"] for row in said}
    assert {row["status"] for row in said} == {label for _, label in Action.Status.choices}
    assert {row["overdue"] for row in said} == {True, False} and {row["findings"] for row in said} == {1}


def test_the_lists_read_only_actions_the_person_may_see(world):
    add_actions(world, 6)
    Action.objects.filter(title__in=["Action 0", "Action 1"]).update(programme=world.other_programme)
    mine = listing.listed(scoped(Action, world.lead).filter(programme=world.programme))
    assert sorted(title for _, title, *_ in mine) == [f"Action {n}" for n in range(2, 6)]
    theirs = listing.listed(scoped(Action, world.lead).filter(programme=world.other_programme))
    assert list(theirs) == []
