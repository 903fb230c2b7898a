"""The browser harness must be able to fail: axe and the CSP watch really catch problems."""

import pytest

from tests.browser.conftest import Journey


def add_to_main(page, markup: str) -> None:
    page.evaluate("markup => document.querySelector('main').insertAdjacentHTML('beforeend', markup)", markup)


def test_axe_catches_an_inaccessible_page(page, live_server, db):
    trip = Journey(page, live_server.url)
    page.goto(live_server.url + "/about/")
    add_to_main(page, '<img src="/static/images/logo.svg">')
    with pytest.raises(AssertionError, match="image-alt"):
        trip.check()


def test_the_csp_blocks_inline_script_and_the_journey_notices(page, live_server, db):
    trip = Journey(page, live_server.url)
    trip.go("/about/")
    add_to_main(page, '<img alt="" src="/nothing" onerror="document.title=1">')
    page.wait_for_timeout(300)
    assert page.title() != "1", "an inline event handler ran despite the CSP"
    assert trip.csp_errors


def test_a_page_visited_without_a_check_fails_the_journey(page, live_server, db):
    trip = Journey(page, live_server.url)
    page.goto(live_server.url + "/about/")
    with pytest.raises(AssertionError, match="without an axe check"):
        trip.finish()
