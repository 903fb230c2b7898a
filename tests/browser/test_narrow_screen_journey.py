"""On a phone (375 px wide), no page scrolls sideways, even when someone has
pasted a long address or typed a very long word with no spaces."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.planning.services import actions as plan_services
from pathfinder.programmes import services as programme_services
from pathfinder.testing.factories import TEST_PASSWORD

LONG_WORD = ("Trauma" + "informed" * 36 + "practice")[:300]  # no spaces
LONG_URL = "https://www.example.org/very/long/path/" + "/".join(f"segment{n:03d}" for n in range(40)) + "?q=" + "x" * 80
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}


def page_width(journey) -> int:
    return journey.page.evaluate("document.documentElement.scrollWidth")


def sticking_out(journey) -> list[str]:
    """The innermost elements that reach past the right edge, to say what to fix."""
    return journey.page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5))
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`)"""
    )


def test_long_words_and_addresses_wrap_on_a_phone(journey, world):
    # Given a finding and an action whose text has no spaces to break at
    assert len(LONG_WORD) == 300
    text = f"{LONG_WORD} See {LONG_URL}"
    finding = programme_services.add_finding(
        programme=world.programme, theme="service_design", kind="barrier", text=text, by=world.lead
    )
    action = plan_services.create_action(
        programme=world.programme,
        by=world.lead,
        findings=[finding],
        title=LONG_WORD[:190],
        description=text,
        theme="service_design",
        owner=world.memberships.member,
        due_on=timezone.localdate() + timedelta(days=60),
    )

    # When the lead reads the plan on a phone
    journey.page.set_viewport_size(PHONE)
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    for path in (
        f"/programmes/{world.programme.pk}/plan/",
        f"/actions/{action.pk}/",
        f"/programmes/{world.programme.pk}/plan/findings/",
        f"/programmes/{world.programme.pk}/plan/themes/",
        f"/programmes/{world.programme.pk}/plan/due/",
        f"/programmes/{world.programme.pk}/",
    ):
        journey.go(path)
        # Then nothing runs off the side of the page
        assert page_width(journey) <= PHONE["width"], (
            f"{path} is {page_width(journey)} px wide: {sticking_out(journey)}"
        )

    # And on a desktop screen, the same pages stay within the window
    journey.page.set_viewport_size(DESKTOP)
    for path in (f"/programmes/{world.programme.pk}/plan/", f"/actions/{action.pk}/"):
        journey.go(path)
        assert journey.sees(LONG_WORD[:190])
        assert page_width(journey) <= DESKTOP["width"], (
            f"{path} is {page_width(journey)} px wide: {sticking_out(journey)}"
        )
