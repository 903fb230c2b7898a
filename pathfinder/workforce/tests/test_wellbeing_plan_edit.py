"""The owner changes their plan; what they wrote before is in the form."""

from pathfinder.workforce import services
from pathfinder.workforce.tests.conftest import ALICES_WORDS, EDIT_URL, PLAN_URL, form_data


def test_it_shows_the_plan_with_line_breaks_kept(world, as_user, alices_plan):
    page = as_user(world.lead).get(PLAN_URL).page
    assert "Swimming on Tuesday mornings with my sister" in page.text()
    early_signs = [p for p in page.css("p.pf-preserve-lines") if "team chat" in p.text_content()]
    assert early_signs[0].text_content() == "I stop answering the team chat\nand skip lunch"


def test_it_fills_the_form_with_the_plan(world, as_user, alices_plan):
    page = as_user(world.lead).get(EDIT_URL).page
    assert page.css("#id_what_helps")[0].text_content() == ALICES_WORDS["what_helps"]
    assert page.css("input[name=version]")[0].get("value") == "1"


def test_it_changes_the_plan(world, as_user, alices_plan):
    response = as_user(world.lead).post(
        EDIT_URL, form_data(1, **{**ALICES_WORDS, "what_helps": "Ten minutes outside\r\nwith a cup of tea"})
    )
    assert response.status_code == 302 and response["Location"] == PLAN_URL
    plan = services.plan_for(world.lead)
    assert plan.what_helps == "Ten minutes outside\nwith a cup of tea"
    assert plan.who_to_contact == ALICES_WORDS["who_to_contact"]
    assert plan.version == 2
