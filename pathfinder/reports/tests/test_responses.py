"""Downloads are attachments with the right type, a safe file name, and no caching."""

import pytest

from pathfinder.reports import exports
from pathfinder.reports.content import Document, Paragraph
from pathfinder.reports.tests.conftest import actions_table

SMALL_DOCUMENT = Document(title="Small report", blocks=[Paragraph("One line.")])


@pytest.mark.parametrize(
    ("make_response", "content_type", "filename", "magic"),
    [
        (lambda: exports.csv_response(actions_table(), "Open actions.csv"), "text/csv; charset=utf-8",
         "open-actions.csv", b"\xef\xbb\xbf"),
        (lambda: exports.xlsx_response([actions_table()], "Open actions"), exports.CONTENT_TYPES[".xlsx"],
         "open-actions.xlsx", b"PK"),
        (lambda: exports.pdf_response(SMALL_DOCUMENT, "Small report.pdf"), "application/pdf",
         "small-report.pdf", b"%PDF"),
        (lambda: exports.docx_response(SMALL_DOCUMENT, "Small report.docx"), exports.CONTENT_TYPES[".docx"],
         "small-report.docx", b"PK"),
    ],
    ids=["csv", "xlsx", "pdf", "docx"],
)  # fmt: skip
def test_it_sends_a_download_that_is_never_cached(make_response, content_type, filename, magic):
    response = make_response()
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(magic)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Action plan: March 2026.xlsx", "action-plan-march-2026.xlsx"),
        ("Action plan", "action-plan.xlsx"),
        ("ACTION PLAN.XLSX", "action-plan.xlsx"),
        ("../../etc/passwd", "etcpasswd.xlsx"),
        ('évaluation "finale"\r\nSet-Cookie: x=1', "evaluation-finale-set-cookie-x1.xlsx"),
        ("report.exe", "reportexe.xlsx"),
        ("", "download.xlsx"),
        ("!!!", "download.xlsx"),
    ],
)
def test_it_makes_file_names_safe(given, expected):
    assert exports.safe_filename(given, ".xlsx") == expected


def test_it_keeps_file_names_short():
    assert len(exports.safe_filename("a" * 500, ".pdf")) == exports.FILENAME_LENGTH + len(".pdf")
