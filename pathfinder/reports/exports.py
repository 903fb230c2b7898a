"""Downloads: tables and documents as CSV, Excel, PDF and Word files.

`*_bytes` functions make the file; `*_response` functions wrap it in an HTTP
response that the browser saves (never shows), with a safe file name, and
that no browser or proxy keeps a copy of.

The work is done in small modules (cells, spreadsheets, pdf, word); this one is
the single place views import from.
"""

from django.http import HttpResponse
from django.utils.text import slugify

from pathfinder.reports.cells import safe_cell
from pathfinder.reports.content import Document, Table
from pathfinder.reports.pdf import pdf_bytes
from pathfinder.reports.spreadsheets import csv_bytes, xlsx_bytes
from pathfinder.reports.word import docx_bytes

__all__ = [
    "CONTENT_TYPES",
    "attachment_response",
    "csv_bytes",
    "csv_response",
    "docx_bytes",
    "docx_response",
    "pdf_bytes",
    "pdf_response",
    "safe_cell",
    "safe_filename",
    "svg_response",
    "xlsx_bytes",
    "xlsx_response",
]

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".svg": "image/svg+xml",
}
FILENAME_LENGTH = 80


def csv_response(table: Table, filename: str) -> HttpResponse:
    return attachment_response(csv_bytes(table), filename, ".csv")


def xlsx_response(tables: list[Table], filename: str) -> HttpResponse:
    return attachment_response(xlsx_bytes(tables), filename, ".xlsx")


def pdf_response(document: Document, filename: str) -> HttpResponse:
    return attachment_response(pdf_bytes(document), filename, ".pdf")


def docx_response(document: Document, filename: str) -> HttpResponse:
    return attachment_response(docx_bytes(document), filename, ".docx")


def svg_response(svg: str, filename: str) -> HttpResponse:
    """An SVG drawing (already sanitised by whoever drew it) as a download."""
    return attachment_response(('<?xml version="1.0" encoding="UTF-8"?>\n' + svg).encode("utf-8"), filename, ".svg")


def attachment_response(content: bytes, filename: str, extension: str) -> HttpResponse:
    """A download of `content` as `filename` (made safe, with `extension`)."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{safe_filename(filename, extension)}"'
    # A report may hold sensitive findings: never cached (ASVS 14.3.2), even on
    # routes that the no-store middleware does not cover.
    response["Cache-Control"] = "no-store"
    return response


def safe_filename(name: str, extension: str) -> str:
    """'Action plan: March 2026.xlsx' → 'action-plan-march-2026.xlsx'. Only ASCII
    letters, digits, hyphens and underscores, then our own extension."""
    stem = name[: -len(extension)] if name.lower().endswith(extension) else name
    stem = slugify(stem)[:FILENAME_LENGTH].strip("-_")
    return f"{stem or 'download'}{extension}"
