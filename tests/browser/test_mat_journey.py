"""MAT standards, end to end: rate standard 10 twice (once forgetting the
evidence), then read its history and trend chart."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.evidence.mat import RATING_MEANING
from pathfinder.testing.factories import TEST_PASSWORD


def test_rating_a_standard_twice_and_reading_its_trend(journey, world):
    today = timezone.localdate()
    # The group member opens the MAT standards from the dashboard and picks standard 10
    journey.sign_in(world.member.email, TEST_PASSWORD)
    journey.click("Go to the MAT standards")
    journey.click("Standard 10: Trauma-informed care")
    assert journey.sees("Not rated yet")

    # A first rating, saved without evidence by mistake, is refused and kept
    for when, rating, evidence in (
        (today - timedelta(days=90), "Red", "No written pathway yet."),
        (today - timedelta(days=7), "Amber", "A trauma-informed pathway is agreed in two teams."),
    ):
        journey.click("Add a rating")
        journey.fill("Date of the rating", when.isoformat())
        journey.choose(f"{rating}: {RATING_MEANING[rating.lower()]}")
        journey.fill("Why this rating", f"{rating} because of where the pathway is.")
        if rating == "Red":
            journey.press("Save the rating")
            assert journey.page.title().startswith("Error: ")
            assert any("process evidence" in error for error in journey.errors())
            assert journey.page.get_by_label("Why this rating", exact=True).input_value().startswith("Red because")
        journey.fill("Process evidence", evidence)
        journey.press("Save the rating")
        assert journey.sees("The rating for standard 10 has been saved")

    # The standard's page shows the latest rating, the history and the trend
    assert journey.sees("Latest rating: Amber")
    assert journey.sees("11 more points are needed")
    assert journey.page.locator("svg[role=img]").count() == 1
    assert journey.sees("Supporting evidence from the programme")
    journey.click("All MAT standards")
    assert journey.sees("Amber")
