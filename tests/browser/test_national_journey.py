"""The national view, end to end: a national viewer over several services
compares them, is refused a filter that would single out one service (with a
plain reason), and sees a service that opted out only in aggregate."""

from pathfinder.national.tests.conftest import nation  # noqa: F401  the fixture
from pathfinder.testing.factories import TEST_PASSWORD


def test_a_national_viewer_compares_services(journey, nation):  # noqa: F811
    # With no service of her own, the home page points her to the national view
    journey.sign_in(nation.national.email, TEST_PASSWORD)
    journey.go("/")
    assert not journey.sees("You are not part of any service yet")
    journey.click("national view")
    assert journey.heading() == "National view"

    # The comparison: the named service by name, the others only combined
    assert journey.sees("Harbour Recovery")
    assert not journey.sees("Glen Service")
    assert journey.sees("MAT standards: the latest ratings")
    assert journey.sees("Training coverage by practice level")
    assert journey.page.locator("svg[role=img]").count() >= 1

    # Choosing the board with one service that has not agreed to be named is refused, plainly
    journey.page.get_by_label("Health board (optional)", exact=True).select_option(label="South Health Board")
    journey.press("Show these services")
    assert journey.sees("Figures about these services are not shown")
    assert journey.sees("fewer than 3 services")
    assert not journey.sees("Glen Service")

    # A malformed filter in the address gets a clear message, not an error page
    journey.go("/national/?size=enormous")
    assert journey.page.title().startswith("Error: ")
    assert journey.errors()
    journey.finish()
