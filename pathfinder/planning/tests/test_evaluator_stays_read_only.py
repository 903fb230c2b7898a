"""The evaluator follows the plan and changes nothing: they are not offered as
an owner, cannot be made one, and even an action that names them (from before
this rule) gives them no way to change it, on the page or in the service."""

import pytest
from django.core.exceptions import PermissionDenied

from pathfinder.planning.models import Action
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import form_data, make_action
from pathfinder.testing.factories import MembershipFactory


def test_it_does_not_offer_the_evaluator_as_an_owner(world, as_user):
    staff = MembershipFactory(service=world.service, user__full_name="Sam Staff")
    page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/plan/actions/new/").page
    offered = [option.get("value") for option in page.css("select[name=owner] option")]
    assert str(world.memberships.viewer.pk) not in offered
    assert str(staff.pk) in offered and str(world.memberships.member.pk) in offered


def test_it_refuses_the_evaluator_as_an_owner_on_every_path(world, as_user, action):
    viewer = world.memberships.viewer
    refused = as_user(world.lead).post(f"/actions/{action.pk}/edit/", form_data(action, owner=str(viewer.pk)))
    assert refused.status_code == 200
    assert "Vera Viewer follows the plan as an evaluator" in refused.page.error_summary()[0]
    with pytest.raises(PermissionDenied):
        make_action(world, owner=viewer)
    with pytest.raises(PermissionDenied):
        services.edit_action(action, version=action.version, by=world.lead, owner=viewer)


def test_an_evaluator_named_as_owner_still_cannot_change_the_action(world, as_user, action):
    Action.objects.filter(pk=action.pk).update(owner=world.memberships.viewer)
    action.refresh_from_db()
    client = as_user(world.viewer)
    assert client.get(f"/actions/{action.pk}/update/").status_code == 403
    posted = {"version": str(action.version), "text": "Done it", "status": "done"}
    assert client.post(f"/actions/{action.pk}/update/", posted).status_code == 403
    assert "Add a progress update" not in client.get(f"/actions/{action.pk}/").page.text()
    with pytest.raises(PermissionDenied):
        services.add_update(action, version=action.version, by=world.viewer, text="Done it", status="done")
    with pytest.raises(PermissionDenied):
        services.edit_action(action, version=action.version, by=world.viewer, title="Mine now")
    action.refresh_from_db()
    assert action.status == "not_started"


def test_the_report_page_names_everyone_who_may_download(world, as_user):
    staff = MembershipFactory(service=world.service, user__full_name="Sam Staff")
    page = as_user(staff.user).get(f"/programmes/{world.programme.pk}/plan/report/").page
    assert (
        "Programme leads, implementation group members, senior managers and evaluators can download the report."
        in page.text()
    )
