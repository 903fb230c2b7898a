"""A save made from an out-of-date page is refused, and nothing typed is lost."""

from pathfinder.workforce import services
from pathfinder.workforce.tests.conftest import ALICES_WORDS, EDIT_URL, form_data


def test_a_stale_save_is_refused_and_what_was_typed_is_kept(world, as_user, alices_plan):
    client = as_user(world.lead)
    # Another window saved first.
    services.save_plan(world.lead, {**ALICES_WORDS, "what_helps": "Saved in the other window"}, 1)

    response = client.post(EDIT_URL, form_data(1, **{**ALICES_WORDS, "what_helps": "Typed in this window"}))
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert "changed in another window or on another device" in response.page.error_summary()[0]
    assert response.page.css("#id_what_helps")[0].text_content() == "Typed in this window"
    assert response.page.css("input[name=version]")[0].get("value") == "2"
    assert services.plan_for(world.lead).what_helps == "Saved in the other window"

    # Saving again is a deliberate choice, and now it works.
    again = client.post(EDIT_URL, form_data(2, **{**ALICES_WORDS, "what_helps": "Typed in this window"}))
    assert again.status_code == 302
    assert services.plan_for(world.lead).what_helps == "Typed in this window"


def test_a_first_save_after_a_plan_was_made_elsewhere_is_refused(world, as_user, alices_plan):
    response = as_user(world.lead).post(EDIT_URL, form_data(0, what_helps="A new start"))
    assert response.status_code == 200
    assert response.page.css("#id_what_helps")[0].text_content() == "A new start"
    assert response.page.css("input[name=version]")[0].get("value") == "1"
    assert services.plan_for(world.lead).what_helps == ALICES_WORDS["what_helps"]


def test_a_save_after_the_plan_was_deleted_elsewhere_is_refused(world, as_user, alices_plan):
    services.delete_plan(world.lead)
    response = as_user(world.lead).post(EDIT_URL, form_data(1, what_helps="Still here"))
    assert response.status_code == 200
    assert "deleted in another window" in response.page.error_summary()[0]
    assert response.page.css("#id_what_helps")[0].text_content() == "Still here"
    # Saving again makes a new plan.
    assert response.page.css("input[name=version]")[0].get("value") in {"", "0"}
    assert services.plan_for(world.lead) is None
