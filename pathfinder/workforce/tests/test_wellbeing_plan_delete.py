"""The owner deletes their plan, for good, after confirming."""

from pathfinder.workforce import services
from pathfinder.workforce.tests.conftest import DELETE_URL, PLAN_URL


def test_it_asks_before_deleting(world, as_user, alices_plan):
    response = as_user(world.lead).get(DELETE_URL)
    assert response.status_code == 200
    assert "This cannot be undone" in response.page.text()
    assert response.page.css("main form")[0].get("action") == DELETE_URL
    assert services.plan_for(world.lead) is not None


def test_it_deletes_the_plan(world, as_user, alices_plan):
    services.save_plan(world.member, {"what_helps": "Music"}, services.NO_PLAN)
    client = as_user(world.lead)
    response = client.post(DELETE_URL)
    assert response.status_code == 302 and response["Location"] == PLAN_URL
    assert services.plan_for(world.lead) is None
    assert services.plan_for(world.member).what_helps == "Music"
    page = client.get(PLAN_URL).page
    assert "Your wellbeing plan has been deleted." in page.text()
    assert "Start your plan" in page.text()


def test_deleting_twice_does_no_harm(world, as_user):
    response = as_user(world.lead).post(DELETE_URL)
    assert response.status_code == 302 and response["Location"] == PLAN_URL


def test_it_only_accepts_get_and_post(world, as_user):
    assert as_user(world.lead).put(DELETE_URL).status_code == 405
