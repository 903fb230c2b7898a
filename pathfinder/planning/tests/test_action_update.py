"""Owners add progress to their own actions, whatever their role; the group
can add progress to any; read-only people cannot."""

from pathfinder.planning.tests.conftest import make_action
from pathfinder.testing.factories import MembershipFactory


def test_a_staff_member_updates_their_own_action(world, as_user):
    staff = MembershipFactory(service=world.service, role="staff")
    action = make_action(world, owner=staff)
    client = as_user(staff.user)
    assert "Add a progress update" in client.get(f"/actions/{action.pk}/").page.text()
    response = client.post(
        f"/actions/{action.pk}/update/", {"version": "1", "text": "Started the reading list", "status": "in_progress"}
    )
    assert response.status_code == 302
    assert action.updates.first().text == "Started the reading list"
    # But they cannot change anyone else's, nor the details of their own.
    other = make_action(world)
    assert client.get(f"/actions/{other.pk}/update/").status_code == 403
    assert client.get(f"/actions/{action.pk}/edit/").status_code == 403


def test_blocked_needs_a_reason_in_an_update(world, as_user, action):
    response = as_user(world.member).post(
        f"/actions/{action.pk}/update/", {"version": "1", "text": "Stuck", "status": "blocked"}
    )
    assert response.page.error_summary() == ["Say what is blocking it, so the group can help."]


def test_the_read_only_viewer_cannot_update(world, as_user, action):
    client = as_user(world.viewer)
    assert "Add a progress update" not in client.get(f"/actions/{action.pk}/").page.text()
    assert (
        client.post(f"/actions/{action.pk}/update/", {"version": "1", "text": "x", "status": "done"}).status_code == 403
    )
