"""Tables as CSV and Excel files, safe to open in a spreadsheet."""

import csv
import io
import math
import re
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pathfinder.reports.cells import safe_cell, xml_safe
from pathfinder.reports.content import Cell, Table

SHEET_NAME_LENGTH = 31
# Excel refuses these in a sheet name, and keeps "History" for itself.
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = {"history"}
DATE_FORMAT = "yyyy-mm-dd"


def csv_bytes(table: Table) -> bytes:
    """The table as CSV: a header row, then the rows. UTF-8 with a byte-order
    mark, which Excel needs to read anything beyond ASCII correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(column) for column in table.columns])
    writer.writerows([safe_cell(value) for value in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig", errors="replace")


def xlsx_bytes(tables: list[Table]) -> bytes:
    """The tables as an Excel workbook, one sheet each: a bold, frozen header
    row, numbers as numbers (so they can be summed) and dates as dates."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table, name in zip(tables, sheet_names([table.title for table in tables]), strict=True):
        _add_sheet(workbook, name, table)
    if not tables:
        workbook.create_sheet("No data")
    workbook.properties.creator = "Pathfinder"
    workbook.properties.title = xml_safe(tables[0].title) if tables else ""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_names(titles: list[str]) -> list[str]:
    """A sheet name for each title that Excel accepts: at most 31 characters,
    none of [ ] : * ? / \\, not starting or ending with an apostrophe, and
    different from every other (Excel ignores case when comparing)."""
    names = []
    taken = set(_RESERVED_SHEET_NAMES)
    for title in titles:
        base = _clean_sheet_name(title)
        name, copy = base, 1
        while name.casefold() in taken:
            copy += 1
            suffix = f" ({copy})"
            name = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip(" '") + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def _clean_sheet_name(title: str) -> str:
    name = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", xml_safe(title)).split())
    name = name.strip("' ")[:SHEET_NAME_LENGTH].rstrip(" '")
    return name or "Sheet"


def _add_sheet(workbook: Workbook, name: str, table: Table) -> None:
    sheet = workbook.create_sheet(name)
    sheet.append([_sheet_value(column) for column in table.columns])
    for row in table.rows:
        sheet.append([_sheet_value(value) for value in row])

    for index, header in enumerate(sheet[1]):
        header.font = Font(bold=True)
        header.alignment = Alignment(horizontal="right" if index in table.numeric_columns else "left", wrap_text=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"

    for index, column in enumerate(table.columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = _column_width(
            column, [row[index] for row in table.rows]
        )


def _sheet_value(value: Cell) -> object:
    # Dates stay dates, so a spreadsheet can sort and filter them.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    safe = safe_cell(value)
    return None if safe == "" else safe


def _column_width(header: str, values: list[Cell]) -> float:
    """Wide enough for the longest entry (in characters), within 8 to 60."""
    longest = max([len(header), *(len(str(safe_cell(value))) for value in values)])
    return min(max(longest, 8), 60) + 2
