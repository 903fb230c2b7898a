"""Cells are written out for people the way GOV.UK and NHS.UK write them."""

from datetime import date, datetime
from decimal import Decimal

from pathfinder.reports.cells import display_text, format_number


def test_it_formats_numbers_plainly():
    assert format_number(1234) == "1,234"
    assert format_number(2.0) == "2"
    assert format_number(2.5) == "2.5"
    assert format_number(3.14159) == "3.14"
    assert format_number(Decimal("1250.50")) == "1,250.50"


def test_it_writes_dates_in_words():
    assert display_text(date(2026, 3, 1)) == "1 March 2026"
    assert display_text(datetime(2026, 3, 1, 9, 5)) == "1 March 2026, 09:05"


def test_it_writes_the_chosen_text_for_a_missing_value():
    assert display_text(None) == ""
    assert display_text(None, "no value") == "no value"


def test_it_writes_yes_or_no_for_true_or_false():
    assert display_text(True) == "Yes"
