"""Progress, end to end: from a MAT standard's ratings to the Progress page, to
the standard's chart, then limits recalculated from a chosen point; and the same
form without JavaScript."""

from django.utils import timezone

from pathfinder.evidence.mat import BY_NUMBER, RATING_MEANING
from pathfinder.evidence.tests.mat import rate
from pathfinder.testing.factories import TEST_PASSWORD

STANDARD = BY_NUMBER[6]


def fourteen_ratings(world):
    """Fourteen ratings of standard 6 over the past year and a half, red and amber in turn."""
    for age in range(14):
        rate(world, standard=6, rating="amber" if age % 2 else "red", days=20 + age * 35)


def test_from_mat_ratings_to_a_measure_chart_and_a_new_baseline(journey, world):
    fourteen_ratings(world)
    journey.sign_in(world.member.email, TEST_PASSWORD)
    # A fifteenth rating, blue, well above the limits the first fourteen give (about 1.7 ± 3.2)
    journey.click("Go to the MAT standards")
    journey.click(STANDARD.title)
    journey.click("Add a rating")
    journey.fill("Date of the rating", timezone.localdate().isoformat())
    journey.choose(f"Blue: {RATING_MEANING['blue']}")
    journey.fill("Process evidence", "The pathway is in use in every team.")
    journey.fill("Why this rating", "Every team now uses the pathway.")
    journey.press("Save the rating")
    assert journey.sees("The rating for standard 6 has been saved")

    # The dashboard's Progress panel leads to every measure
    journey.go(f"/programmes/{world.programme.pk}/")
    assert journey.sees("1 measure recorded over time")
    journey.click("Go to Progress")
    assert journey.heading() == "Progress"
    assert journey.sees("5 of 5")
    journey.click(STANDARD.title)

    # The measure's chart, table and reading
    assert journey.heading().endswith(STANDARD.title)
    assert journey.page.locator("svg[role=img]").count() == 1
    assert journey.sees("Improving")
    assert journey.sees("What the variation shows")

    # A point number too early is refused, then limits are recalculated from point 14
    journey.fill("Recalculate the limits from point", "3")
    journey.press("Recalculate the limits")
    assert journey.page.title().startswith("Error: ")
    assert any("Choose a point from 14 to 15" in error for error in journey.errors())
    journey.fill("Recalculate the limits from point", "14")
    journey.press("Recalculate the limits")
    assert journey.sees("The limits are recalculated from point 14")
    assert journey.sees("11 more points are needed since the limits were recalculated at point 14")
    journey.click("Show the limits from all the points")
    assert not journey.sees("The limits are recalculated from point")


def test_the_baseline_form_works_without_javascript(new_journey, world):
    fourteen_ratings(world)
    trip = new_journey(java_script_enabled=False)
    trip.sign_in(world.viewer.email, TEST_PASSWORD)
    trip.go(f"/programmes/{world.programme.pk}/progress/mat:6/")
    trip.fill("Recalculate the limits from point", "14")
    trip.press("Recalculate the limits")
    assert trip.sees("The limits are recalculated from point 14")
    assert "recalculate_from=14" in trip.page.url
