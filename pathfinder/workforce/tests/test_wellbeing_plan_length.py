"""A section over 2,000 characters is refused, and the words are kept in the form."""

import pytest

from pathfinder.workforce import services
from pathfinder.workforce.tests.conftest import EDIT_URL, form_data


def test_it_refuses_an_overlong_section_and_keeps_it(world, as_user):
    long_text = "I feel better after a walk. " * 80  # 2,240 characters
    response = as_user(world.lead).post(EDIT_URL, form_data(0, what_helps=long_text, early_signs="Tired"))
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    [message] = response.page.error_summary()
    assert "can be up to 2,000 characters" in message
    assert response.page.css(".nhsuk-error-summary a")[0].get("href") == "#id_what_helps"
    assert response.page.css("#id_what_helps")[0].text_content() == long_text
    assert response.page.css("#id_early_signs")[0].text_content() == "Tired"
    assert services.plan_for(world.lead) is None


def test_line_breaks_count_as_one_character(world, as_user):
    text = ("x" * 99 + "\r\n") * 20  # 2,000 characters once line breaks are counted as one
    response = as_user(world.lead).post(EDIT_URL, form_data(0, what_helps=text))
    assert response.status_code == 302


def test_the_service_refuses_it_too(world):
    with pytest.raises(ValueError, match="longer than 2000"):
        services.save_plan(world.lead, {"what_helps": "x" * 2001}, services.NO_PLAN)
