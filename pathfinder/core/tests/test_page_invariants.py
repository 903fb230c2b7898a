"""The page checker itself must catch what it promises to catch."""

import pytest
from django.http import HttpResponse

from pathfinder.testing.pages import check_page

GOOD = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>{body}</body></html>"""


def page(body: str, title: str = "A page") -> HttpResponse:
    response = HttpResponse(GOOD.format(title=title, body=body))
    response["Cache-Control"] = "no-store"
    return response


def test_it_accepts_a_good_page():
    assert check_page(page("<main><h1>Hello</h1></main>")).title == "A page"


@pytest.mark.parametrize(
    ("body", "title", "problem"),
    [
        ("<p id='a'></p><p id='a'></p>", "A page", "duplicate ids"),
        ("<form method='post'></form>", "A page", "action"),
        ("<script>alert(1)</script>", "A page", "inline scripts"),
        ("<p style='color:red'>x</p>", "A page", "inline style"),
        (
            "<div class='nhsuk-error-summary'><ul><li><a href='#missing'>Fix</a></li></ul></div>",
            "Error: A page",
            "points at nothing",
        ),
        ("<div class='nhsuk-error-summary'></div>", "A page", "title starting 'Error: '"),
        ("<p>fine</p>", "Error: A page", "needs an error summary"),
        ("<p><div></p>", "A page", "invalid HTML"),
    ],
)
def test_it_rejects_a_broken_page(body, title, problem):
    with pytest.raises(AssertionError, match=problem):
        check_page(page(body, title))


def test_it_requires_no_store():
    response = HttpResponse(GOOD.format(title="x", body=""))
    with pytest.raises(AssertionError, match="no-store"):
        check_page(response)
