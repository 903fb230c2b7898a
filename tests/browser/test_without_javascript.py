"""Core flows work with JavaScript switched off."""

from pathfinder.testing.factories import TEST_PASSWORD


def test_a_member_records_a_finding_without_javascript(new_journey, world):
    journey = new_journey(java_script_enabled=False)
    journey.sign_in(world.member.email, TEST_PASSWORD)
    assert journey.heading().endswith("Home programme")
    journey.click("All findings")
    journey.fill("What was found", "Staff feel able to ask for supervision.")
    journey.press("Add finding")
    assert journey.page.title().startswith("Error: ")
    assert journey.page.get_by_label("What was found").input_value() == "Staff feel able to ask for supervision."
    journey.choose("Workforce care, support and wellbeing")
    journey.choose("Strength")
    journey.press("Add finding")
    assert journey.sees("The finding has been added.")
    journey.page.get_by_label("Show theme").select_option(label="Budgets")
    journey.press("Show")
    assert journey.sees("No findings for this theme yet.")
    journey.sign_out()
    assert journey.heading() == "Sign in to Pathfinder"
