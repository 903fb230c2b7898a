"""Text that a spreadsheet would run as a formula is neutralised in CSV and
Excel files (OWASP "CSV injection"); numbers stay numbers."""

import csv
import io
import math
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.reports.cells import FORMULA_STARTS, safe_cell, xml_safe
from pathfinder.reports.content import Table
from pathfinder.reports.exports import csv_bytes, xlsx_bytes

# No example database: the tests write nothing outside the reports app.
quick = settings(max_examples=60, deadline=None, database=None)

# Text made to look like formulas more often than plain st.text() would.
risky_text = st.one_of(
    st.text(),
    st.builds(lambda start, rest: start + rest, st.sampled_from([*FORMULA_STARTS, "\x00=", "\x0b+"]), st.text()),
)


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_xlsx(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]


@pytest.mark.parametrize(
    "text",
    ["=SUM(A1:A9)", "+1", "-1", "@SUM(1)", "\t=1", "\r=1", '=HYPERLINK("http://example.com","x")', "＝1", "＋1"],
)
def test_it_quotes_text_that_starts_like_a_formula(text):
    assert safe_cell(text) == "'" + text


def test_it_leaves_ordinary_text_alone():
    assert safe_cell("Safety") == "Safety"
    assert safe_cell("a = b") == "a = b"


def test_it_removes_control_characters_before_checking():
    assert safe_cell("\x00=1+1") == "'=1+1"


def test_it_keeps_numbers_as_numbers():
    assert safe_cell(-3) == -3
    assert safe_cell(2.5) == 2.5
    assert safe_cell(Decimal("-1.50")) == Decimal("-1.50")


def test_it_writes_dates_as_iso_and_none_as_empty():
    assert safe_cell(date(2026, 3, 1)) == "2026-03-01"
    assert safe_cell(datetime(2026, 3, 1, 9, 30)) == "2026-03-01T09:30:00"
    assert safe_cell(None) == ""


@quick
@given(risky_text)
def test_it_never_writes_a_csv_cell_that_starts_a_formula(text):
    table = Table(title="Feedback", columns=["Comment"], rows=[[text]])
    (cell,) = read_csv(csv_bytes(table))[1]
    assert not cell.startswith(FORMULA_STARTS)
    cleaned = xml_safe(text)  # control characters are dropped
    assert cell == ("'" + cleaned if cleaned.startswith(FORMULA_STARTS) else cleaned)


@quick
@given(st.lists(risky_text, min_size=1, max_size=8))
def test_it_never_writes_an_xlsx_formula(texts):
    table = Table(title="Feedback", columns=["Comment"], rows=[[text] for text in texts])
    sheet = read_xlsx(xlsx_bytes([table]))
    for (cell,) in sheet.iter_rows(min_row=2):
        assert cell.data_type != "f"
        assert not str(cell.value or "").startswith(FORMULA_STARTS)


# Excel holds 15 significant digits (openpyxl writes 16), so the largest
# doubles cannot survive; Pathfinder's scores, counts and costs are far smaller.
numbers = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-(10**9), max_value=10**9),
)


@quick
@given(st.lists(numbers, min_size=1, max_size=8))
def test_it_keeps_numbers_as_numbers_in_xlsx(values):
    table = Table(title="Costs", columns=["Cost"], rows=[[value] for value in values])
    sheet = read_xlsx(xlsx_bytes([table]))
    read_back = [cell.value for (cell,) in sheet.iter_rows(min_row=2)]
    assert all(isinstance(value, int | float) for value in read_back)
    for written, read in zip(values, read_back, strict=True):
        assert math.isclose(float(written), read, rel_tol=1e-12)
