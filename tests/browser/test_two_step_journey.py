"""With two-step verification required (as in production), a person sets it up
at first sign-in and is asked for a code from then on."""

from pathfinder.testing.authenticator import authenticator_code as current_code
from pathfinder.testing.factories import TEST_PASSWORD


def test_two_step_verification_is_set_up_then_asked_for(journey, world, settings):
    settings.PATHFINDER_REQUIRE_MFA = True
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    # First sign-in: sent to set up an authenticator app before anything else
    assert journey.heading() == "Set up an authenticator app"
    assert not journey.page.locator(".pf-demo-banner").count()
    secret = journey.page.locator(".pf-secret").inner_text().strip()
    journey.fill("Code from the app", "000000" if current_code(secret) != "000000" else "111111")
    journey.press("Turn on two-step verification")
    assert journey.page.title().startswith("Error: ")
    journey.fill("Code from the app", current_code(secret))
    journey.press("Turn on two-step verification")
    assert not journey.page.title().startswith("Error: "), journey.errors()
    # Then they can reach their programme
    journey.go("/")
    assert journey.heading().endswith("Home programme")
    journey.sign_out()
    # Next time, the code is asked for after the password
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    assert journey.heading() == "Enter your code"
    journey.fill("Code", current_code(secret))
    journey.press("Continue")
    assert journey.heading().endswith("Home programme")
