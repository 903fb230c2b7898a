"""When an owner leaves the service, their actions stay in the plan, flagged,
until the group chooses a new owner."""

from pathfinder.core import services as core_services
from pathfinder.planning.tests.conftest import form_data, make_action
from pathfinder.testing.factories import MembershipFactory


def test_actions_of_someone_who_left_are_flagged(world, as_user):
    leaver = MembershipFactory(service=world.service, user__full_name="Vera Viewer")
    action = make_action(world, owner=leaver, title="Evaluate the training")
    core_services.end_membership(leaver, version=leaver.version, by=world.lead)
    client = as_user(world.lead)
    plan = client.get(f"/programmes/{world.programme.pk}/plan/").page
    assert "1 action belongs to someone who has left the service." in plan.text()
    assert "Owner has left: choose a new owner" in plan.text()
    assert "Vera Viewer has left the service." in client.get(f"/actions/{action.pk}/").page.text()

    edit = client.get(f"/actions/{action.pk}/edit/").page
    assert "Vera Viewer has left the service. Choose a new owner" in edit.text()
    assert (
        not edit.css("select[name=owner] option[selected]")
        or edit.css("select[name=owner] option[selected]")[0].get("value") == ""
    )
    # Saving without choosing someone new explains why.
    refused = client.post(f"/actions/{action.pk}/edit/", form_data(action, title="Evaluate the training"))
    assert refused.page.error_summary()[0].startswith(
        "Vera Viewer has left the service, so they cannot own this action."
    )
    assert (
        client.post(
            f"/actions/{action.pk}/edit/", form_data(action, owner=str(world.memberships.member.pk))
        ).status_code
        == 302
    )
    action.refresh_from_db()
    assert action.owner == world.memberships.member
    assert "Owner: Vera Viewer → Bob Member" in " ".join(client.get(f"/actions/{action.pk}/").page.text().split())


def test_the_dashboard_panel_counts_actions(world, as_user):
    from datetime import date

    make_action(world, starts_on=None, due_on=date(2020, 1, 1))
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page
    panel = " ".join(page.css("#panel-plan")[0].getparent().text_content().split())
    assert "1 action: 1 not started, 0 in progress, 0 done, 0 blocked. 1 past the due date." in panel
    nav = [link.text_content().strip() for link in page.css(".nhsuk-header__navigation-link")]
    assert "Plan" in nav
