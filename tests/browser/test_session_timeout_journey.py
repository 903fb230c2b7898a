"""A lead writing an invitation is warned before the idle sign-out, stays
signed in without losing what they typed, and, when signed out anyway, finds
their words put back after signing in again."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from pathfinder.accounts.models import UserSession
from pathfinder.testing.factories import TEST_PASSWORD


def test_the_time_out_is_announced_and_nothing_typed_is_lost(journey, world, settings):
    # A short session, so the five-minute warning shows at once.
    settings.SESSION_COOKIE_AGE = 240
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    people = f"/services/{world.service.slug}/people/"
    journey.go(people)
    warning = journey.page.locator("[data-session-warning]")
    warning.wait_for(state="visible")
    assert "you will be signed out in 4 minutes" in warning.inner_text()
    journey.check()

    journey.fill("Email address", "dana@example.org")
    with journey.page.expect_response(lambda response: "stay-signed-in" in response.url):
        journey.page.get_by_role("button", name="Stay signed in").click()
    # Still on the same page, with what was typed
    assert journey.page.get_by_label("Email address", exact=True).input_value() == "dana@example.org"

    # Away too long: the session ends, then they send the form
    key = UserSession.objects.get(user=world.lead).session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    journey.choose("Staff member")
    journey.press("Send invitation")
    assert journey.heading() == "Sign in to Pathfinder"
    assert journey.sees("we have kept what you typed")

    journey.fill("Email address", world.lead.email)
    journey.fill("Password", TEST_PASSWORD)
    journey.press("Sign in")
    assert journey.page.url.endswith(people)
    assert journey.sees("We have put back what you typed")
    assert journey.page.get_by_label("Email address", exact=True).input_value() == "dana@example.org"
    journey.press("Send invitation")
    assert journey.sees("Invitation sent to dana@example.org")
