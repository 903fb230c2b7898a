"""One cell's value: made safe for a spreadsheet, or written out for people to read."""

import re
from datetime import date, datetime
from decimal import Decimal

from pathfinder.reports.content import Cell

# A spreadsheet treats a cell starting with one of these as a formula, so a
# name like "=HYPERLINK(...)" typed into a form could run when the file is
# opened (OWASP "CSV injection"). Full-width forms are included because some
# spreadsheet programs normalise them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

# Characters XML 1.0 forbids (SVG, XLSX and DOCX are all XML); escaping does not help.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_cell(value: object) -> object:
    """A value ready for CSV or Excel: numbers stay numbers, dates become ISO
    text, None becomes "", and text that could be read as a formula gets a
    leading apostrophe. Control characters are removed from text first, so
    that none can hide a formula from the check (or break an XML file)."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    text = xml_safe(str(value))
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def xml_safe(text: str) -> str:
    """Text with the characters XML cannot hold removed (escaping is separate)."""
    return _NOT_XML.sub("", text)


def format_number(value: int | float | Decimal) -> str:
    """1234 → "1,234"; 2.5 → "2.5"; 2.0 → "2"; 3.14159 → "3.14"; Decimal keeps its places."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def format_date(value: date) -> str:
    """3 March 2026 (the GOV.UK style), with the time for a datetime."""
    text = f"{value.day} {value:%B %Y}"
    if isinstance(value, datetime):
        text += f", {value:%H:%M}"
    return text


def display_text(value: Cell, empty_text: str = "") -> str:
    """A cell as people read it in a document or on a chart."""
    if value is None:
        return empty_text
    if isinstance(value, bool | int | float | Decimal):
        return format_number(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)
