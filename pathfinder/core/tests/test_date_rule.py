"""The one date rule: every date field refuses years like 1900 and dates
absurdly far ahead; fields for things that have happened refuse the future;
a field can be held to a last day, such as the end of a plan."""

from datetime import date

import pytest
from django import forms

from pathfinder.core import dates
from pathfinder.core.forms import date_field

TODAY = date(2026, 12, 1)


def test_it_refuses_a_year_like_1900():
    with pytest.raises(dates.DateProblem, match="Check the year: the due date is in 1900"):
        dates.check(date(1900, 3, 31), what="due date", today=TODAY)


def test_it_refuses_a_date_absurdly_far_ahead():
    with pytest.raises(dates.DateProblem, match="more than 10 years from now"):
        dates.check(date(2207, 3, 31), what="due date", today=TODAY)
    dates.check(date(2036, 11, 30), what="due date", today=TODAY)


def test_it_refuses_the_future_for_what_has_happened():
    with pytest.raises(dates.DateProblem, match="The date received cannot be in the future"):
        dates.check(date(2026, 12, 2), what="date received", today=TODAY, not_future=True)
    dates.check(TODAY, what="date received", today=TODAY, not_future=True)


def test_it_refuses_a_date_after_its_last_day():
    limit = dates.Limit(date(2029, 8, 31), "the plan ends")
    with pytest.raises(dates.DateProblem, match=r"after the plan ends \(31 August 2029\)"):
        dates.check(date(2029, 9, 1), what="due date", today=TODAY, latest=limit)


def test_the_shared_field_applies_the_rule(db):
    class Form(forms.Form):
        given_on = date_field("Date given", not_future=True)
        due_on = date_field("Due date", required=False)

    form = Form({"given_on": "2999-01-01", "due_on": "1 1 1900"})
    assert not form.is_valid()
    assert form.errors["given_on"] == [
        "The date given cannot be in the future. Enter today's date ("
        + dates.long_date(__import__("django.utils.timezone", fromlist=["localdate"]).localdate())
        + ") or an earlier one."
    ]
    assert form.errors["due_on"][0].startswith("Check the year: the due date is in 1900.")
