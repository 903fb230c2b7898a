"""Actions in the plan can cite the standard they serve; the standard's page lists them."""

from pathfinder.evidence.models import MatStandardAction
from pathfinder.planning.services import actions as plan_services
from pathfinder.planning.tests.conftest import make_action


def url(world, number=10):
    return f"/programmes/{world.programme.pk}/mat-standards/{number}/"


def test_it_lists_an_action_cited_for_a_standard(world, as_user):
    action = make_action(world, title="Offer a choice of appointment times")
    client = as_user(world.member)
    response = client.post(url(world) + "actions/", {"action": str(action.pk)})
    assert response.status_code == 302
    link = MatStandardAction.objects.get()
    assert (link.standard, link.action_id, link.linked_by) == (10, action.pk, world.member)
    page = client.get(url(world)).page
    assert f"/actions/{action.pk}/" in [a.get("href") for a in page.css("#actions ~ ul a")]
    other = client.get(url(world, 1)).page
    assert not other.css("#actions ~ ul a")
    assert "No actions are listed for this standard yet." in other.text()


def test_it_refuses_an_action_from_another_programme(world, as_user):
    theirs = plan_services.create_action(
        programme=world.other_programme,
        by=world.outsider,
        title="Their action",
        theme="wellbeing",
        starts_on="2026-10-01",
        due_on="2027-03-31",
    )
    make_action(world)
    response = as_user(world.member).post(url(world) + "actions/", {"action": str(theirs.pk)})
    assert response.status_code == 400
    assert response.page.title.startswith("Error: ")
    assert not MatStandardAction.objects.exists()


def test_it_cites_an_action_once(world, as_user):
    action = make_action(world)
    client = as_user(world.member)
    client.post(url(world) + "actions/", {"action": str(action.pk)})
    response = client.post(url(world) + "actions/", {"action": str(action.pk)})
    assert response.status_code == 400
    assert MatStandardAction.objects.count() == 1
