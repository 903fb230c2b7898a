"""A document becomes a tagged, A4 PDF whose text can be read back: title,
tables (header rows repeated on each page), and each chart's summary."""

import re
import subprocess
import zlib
from datetime import date

import pytest

from pathfinder.reports.content import Document, Paragraph, Table
from pathfinder.reports.exports import pdf_bytes
from pathfinder.reports.pdf import document_html, url_fetcher
from pathfinder.reports.tests.conftest import SCORES_SUMMARY, WELLBEING_SUMMARY, progress_document

LONG_TABLE = Table(
    title="Training records",
    columns=["Course", "Completed"],
    rows=[[f"Trauma-informed practice, module {n}", date(2026, 1, 1 + n % 28)] for n in range(90)],
)


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory):
    """One PDF for the whole module: WeasyPrint is the slow part."""
    document = progress_document()
    document.blocks.append(LONG_TABLE)
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(pdf_bytes(document))
    return path


def pdf_text(path, page=None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    command = ["pdftotext", "-layout", *pages, str(path), "-"]
    text = subprocess.run(command, capture_output=True, check=True, text=True).stdout
    return " ".join(text.split())


def pdf_objects(path) -> bytes:
    """The PDF with its compressed streams inflated, to look for catalog entries."""
    data = path.read_bytes()
    inflated = []
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            inflated.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
    return data + b"".join(inflated)


def pdf_info(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout


def test_it_makes_a_pdf(pdf_file):
    assert pdf_file.read_bytes().startswith(b"%PDF-")


def test_it_writes_the_title_a_table_cell_and_each_chart_summary(pdf_file):
    text = pdf_text(pdf_file)
    assert "Pathfinder progress report" in text
    assert "Review the waiting-room signage" in text
    assert SCORES_SUMMARY in text
    assert WELLBEING_SUMMARY in text


def test_it_shows_each_charts_data_table(pdf_file):
    text = pdf_text(pdf_file)
    assert "Data for this chart" in text
    assert "Trustworthiness and transparency 1.5 2.5" in text
    assert "Choice no value 3" in text


def test_it_is_tagged_with_language_and_title(pdf_file):
    data = pdf_objects(pdf_file)
    assert b"/StructTreeRoot" in data
    assert b"/MarkInfo" in data
    assert b"/Lang (en-GB)" in data
    assert b"/DisplayDocTitle true" in data
    info = pdf_info(pdf_file)
    assert "Tagged:          yes" in info
    assert "Title:           Pathfinder progress report" in info


def test_it_uses_a4_paper(pdf_file):
    assert "(A4)" in pdf_info(pdf_file)


def test_it_numbers_the_pages(pdf_file):
    pages = int(next(line for line in pdf_info(pdf_file).splitlines() if line.startswith("Pages:")).split()[1])
    assert pages >= 3
    assert f"Page 1 of {pages}" in pdf_text(pdf_file, page=1)
    assert f"Page {pages} of {pages}" in pdf_text(pdf_file, page=pages)


def test_it_repeats_a_tables_header_row_on_each_page(pdf_file):
    pages = int(next(line for line in pdf_info(pdf_file).splitlines() if line.startswith("Pages:")).split()[1])
    last_page = pdf_text(pdf_file, page=pages)
    assert "Course Completed" in last_page
    assert "module 89" in last_page


def test_it_escapes_text_in_the_html():
    html = document_html(Document(title="<script>alert(1)</script>", blocks=[Paragraph('<img src="http://x/">')]))
    assert "<script>alert" not in html
    assert '<img src="http://x/">' not in html
    assert "&lt;img src=" in html


def test_it_embeds_each_chart_as_svg_with_its_summary_and_table():
    html = document_html(progress_document())
    assert html.count("<svg") == 2
    assert 'aria-labelledby="chart-5-title chart-5-desc"' in html
    assert html.count("<table>") == 3
    assert SCORES_SUMMARY in html


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://169.254.169.254/", "https://example.com/font.woff"])
def test_it_refuses_to_fetch_anything(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        url_fetcher().fetch(url)
