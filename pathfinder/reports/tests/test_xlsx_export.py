"""Tables become an Excel workbook: one sheet per table, a bold frozen header,
numbers that can be summed, and sheet names Excel accepts."""

import io
from datetime import datetime
from decimal import Decimal

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.reports.exports import xlsx_bytes
from pathfinder.reports.spreadsheets import sheet_names
from pathfinder.reports.tests.conftest import actions_table, scores_chart

FORBIDDEN = set("[]:*?/\\")


def open_workbook(tables):
    return openpyxl.load_workbook(io.BytesIO(xlsx_bytes(tables)))


def test_it_makes_one_sheet_per_table():
    workbook = open_workbook([actions_table(), scores_chart().table])
    assert workbook.sheetnames == ["Open actions", "Average score by theme"]


def test_it_writes_a_bold_frozen_header_row():
    sheet = open_workbook([actions_table()]).active
    assert [cell.value for cell in sheet[1]] == ["Action", "Owner", "Due", "Cost (£)"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"


def test_it_writes_numbers_and_dates_that_a_spreadsheet_can_use():
    sheet = open_workbook([actions_table()]).active
    costs = [sheet.cell(row=row, column=4).value for row in (2, 3)]
    assert sum(costs) == float(Decimal("1250.50") + 800)
    assert sheet["C2"].value == datetime(2026, 10, 1)
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["B4"].value is None


def test_it_sets_column_widths_from_the_content():
    sheet = open_workbook([actions_table()]).active
    assert sheet.column_dimensions["A"].width == len("Review the waiting-room signage") + 2
    assert sheet.column_dimensions["D"].width == 10  # at least 8 characters, plus 2


def test_it_leaves_a_chart_tables_missing_values_empty():
    sheet = open_workbook([scores_chart().table]).active
    assert [cell.value for cell in sheet[4]] == ["Choice", None, 3]


def test_it_writes_a_workbook_with_no_tables():
    assert open_workbook([]).sheetnames == ["No data"]


def test_it_cleans_sheet_names():
    assert sheet_names(["Plan: 2026/27 [draft]?", "'Quoted'", "", "History"]) == [
        "Plan 2026 27 draft",
        "Quoted",
        "Sheet",
        "History (2)",
    ]


def test_it_shortens_long_names_and_keeps_them_unique():
    names = sheet_names(["Organisational assessment by theme, round 1"] * 3)
    assert names == [
        "Organisational assessment by th",
        "Organisational assessment b (2)",
        "Organisational assessment b (3)",
    ]


def test_it_treats_names_differing_only_in_case_as_the_same():
    assert sheet_names(["Plan", "PLAN"]) == ["Plan", "PLAN (2)"]


@settings(max_examples=80, deadline=None, database=None)
@given(st.lists(st.text(max_size=40), max_size=12))
def test_it_always_makes_names_excel_accepts(titles):
    names = sheet_names(titles)
    assert len(names) == len(titles)
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        assert 1 <= len(name) <= 31
        assert not FORBIDDEN & set(name)
        assert not name.startswith("'") and not name.endswith("'")
        assert name.casefold() != "history"


def test_it_opens_with_names_excel_accepts():
    titles = ["Scores: round 1", "Scores: round 1", "A" * 40, "[x]"]
    tables = [actions_table(title=title) for title in titles]
    assert open_workbook(tables).sheetnames == sheet_names(titles)
