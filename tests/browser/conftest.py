"""Browser journeys in real Chromium (Debian's /usr/bin/chromium), with axe.

Every page a journey visits must be checked with axe (WCAG 2.2 AA): the
`journey` fixture records each navigation and fails the test if a page was
reached but never checked. Content-Security-Policy violations in the browser
console fail the test too.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE = Axe.from_file(Path(__file__).parent / "vendor" / "axe.min.js")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class Journey:
    """A person's path through the site, in plain steps.

    With JavaScript switched off in the person's browser, axe cannot run in
    their page; `checker` is then a second page, with JavaScript on, that is
    given exactly the HTML the person received (at the same address, so the
    real stylesheets load) and checked instead.
    """

    def __init__(self, page, base_url: str, checker=None):
        self.page = page
        self.base_url = base_url
        self.checker = checker
        self.visited: list[str] = []
        self.checked: set[str] = set()
        self.csp_errors: list[str] = []
        self.last_document = None
        page.on("framenavigated", self._navigated)
        page.on("console", self._console)
        page.on("response", self._response)
        page.set_default_timeout(15000)

    def _response(self, response):
        if response.request.resource_type == "document" and response.frame == self.page.main_frame:
            self.last_document = response

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self.visited.append(self._key(frame.url))

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp_errors.append(message.text)

    @staticmethod
    def _key(url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    # Steps -------------------------------------------------------------------
    def go(self, path: str):
        self.page.goto(self.base_url + path)
        return self.check()

    def click(self, name: str, role: str = "link"):
        self.page.get_by_role(role, name=name, exact=True).first.click()
        self.page.wait_for_load_state()
        return self.check()

    def press(self, name: str):
        return self.click(name, role="button")

    def fill(self, label: str, value: str):
        self.page.get_by_label(label, exact=True).fill(value)

    def choose(self, label: str):
        self.page.get_by_label(label, exact=True).check()

    def sign_in(self, email: str, password: str):
        self.go("/accounts/login/")
        self.fill("Email address", email)
        self.fill("Password", password)
        return self.press("Sign in")

    def sign_out(self):
        return self.press("Sign out")

    # What the person sees ------------------------------------------------------
    def heading(self) -> str:
        return self.page.locator("h1").first.inner_text()

    def sees(self, text: str) -> bool:
        return text in self.page.locator("main").inner_text()

    def errors(self) -> list[str]:
        return self.page.locator(".nhsuk-error-summary li").all_inner_texts()

    def check(self):
        """Run axe (WCAG 2.2 AA) on the page as it is now."""
        self.page.wait_for_load_state()
        results = AXE.run(self._page_for_axe(), options=AXE_OPTIONS)
        violations = results.response["violations"]
        summary = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — {[node['target'] for node in v['nodes']][:3]}"
            for v in violations
        )
        assert not violations, f"axe found problems on {self.page.url}:\n{summary}"
        self.checked.add(self._key(self.page.url))
        return self

    def _page_for_axe(self):
        if self.checker is None:
            return self.page
        document = self.last_document
        html, headers, url = document.body(), document.headers, self.page.url
        self.checker.route(url, lambda route: route.fulfill(status=200, headers=headers, body=html))
        self.checker.goto(url)
        self.checker.unroute(url)
        return self.checker

    def finish(self):
        unchecked = [url for url in self.visited if url not in self.checked and not url.startswith("about:")]
        assert not unchecked, f"pages visited without an axe check: {unchecked}"
        assert not self.csp_errors, f"Content-Security-Policy violations: {self.csp_errors}"


@pytest.fixture
def journey(page, live_server):
    trip = Journey(page, live_server.url)
    yield trip
    trip.finish()


@pytest.fixture
def new_journey(browser, live_server):
    """A second person in a separate browser context (their own cookies)."""
    trips = []

    def start(java_script_enabled: bool = True) -> Journey:
        context = browser.new_context(java_script_enabled=java_script_enabled)
        checker = None
        if not java_script_enabled:
            checker = browser.new_context().new_page()
            trips.append((checker.context, None))
        trip = Journey(context.new_page(), live_server.url, checker=checker)
        trips.append((context, trip))
        return trip

    yield start
    for context, trip in trips:
        if trip is not None:
            trip.finish()
        context.close()


def link_in(text: str) -> str:
    """The first http(s) link in a piece of text, such as an e-mail."""
    return re.search(r"https?://\S+", text).group(0)
