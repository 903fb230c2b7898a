"""A person starts their own wellbeing plan."""

from pathfinder.workforce import services
from pathfinder.workforce.tests.conftest import EDIT_URL, PLAN_URL, form_data


def test_it_explains_what_a_plan_is_for_before_there_is_one(world, as_user):
    response = as_user(world.member).get(PLAN_URL)
    assert response.status_code == 200
    text = response.page.text()
    assert response.page.title == "Your wellbeing plan – Pathfinder"
    assert "nobody else in Pathfinder can read it" in text
    assert "not Pathfinder's administrators" in text
    assert response.page.css(f"a[href='{EDIT_URL}']")[0].text_content() == "Start your plan"


def test_it_creates_a_plan(world, as_user):
    client = as_user(world.member)
    form = client.get(EDIT_URL)
    assert form.page.css("input[name=version]")[0].get("value") == "0"  # NO_PLAN: none yet
    assert len(form.page.css("textarea")) == 4

    response = client.post(EDIT_URL, form_data(0, what_keeps_me_well="Cycling to work", who_to_contact="My GP"))
    assert response.status_code == 302 and response["Location"] == PLAN_URL
    plan = services.plan_for(world.member)
    assert (plan.what_keeps_me_well, plan.early_signs, plan.who_to_contact, plan.version) == (
        "Cycling to work",
        "",
        "My GP",
        1,
    )
    page = client.get(PLAN_URL).page
    assert "Your wellbeing plan has been saved." in page.text()
    assert "Cycling to work" in page.text()
    assert "Nothing written here yet." in page.text()


def test_it_asks_for_something_before_saving_an_empty_plan(world, as_user):
    response = as_user(world.member).post(EDIT_URL, form_data(0, what_helps="   "))
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.error_summary() == ["Write something in at least one part of your plan before you save it."]
    assert services.plan_for(world.member) is None
