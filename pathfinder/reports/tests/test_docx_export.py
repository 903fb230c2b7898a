"""A document becomes a Word file with real headings, lists and tables; a chart
becomes its heading, summary sentence and data table."""

import io

import docx
import pytest
from docx.oxml.ns import qn

from pathfinder.reports.exports import docx_bytes
from pathfinder.reports.tests.conftest import SCORES_SUMMARY, WELLBEING_SUMMARY, progress_document


@pytest.fixture(scope="module")
def word():
    return docx.Document(io.BytesIO(docx_bytes(progress_document())))


def paragraphs(word, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == style]


def table_text(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_it_uses_word_heading_styles(word):
    assert paragraphs(word, "Heading 1") == ["Pathfinder progress report"]
    assert paragraphs(word, "Heading 2") == ["Summary", "Assessment", "Wellbeing", "Plan"]
    assert paragraphs(word, "Heading 3") == ["Average score by theme", "Staff who feel safe at work"]


def test_it_writes_the_subtitle_paragraphs_and_bullets(word):
    assert paragraphs(word, "Subtitle") == ["Home Drug and Alcohol Service"]
    assert "This report shows progress in the first six months." in paragraphs(word, "Normal")
    assert paragraphs(word, "List Bullet") == ["Scores rose in every theme.", "Staff feel safer at work."]


def test_it_writes_each_chart_summary(word):
    normal = paragraphs(word, "Normal")
    assert SCORES_SUMMARY in normal
    assert WELLBEING_SUMMARY in normal


def test_it_writes_tables_with_their_cells(word):
    scores, wellbeing, actions = word.tables
    assert table_text(scores) == [
        ["Category", "Round 1", "Round 2"],
        ["Safety", "2", "4"],
        ["Trustworthiness and transparency", "1.5", "2.5"],
        ["Choice", "no value", "3"],
    ]
    assert table_text(wellbeing)[3] == ["Nov 2026", "no value", "63"]
    assert table_text(actions)[1] == ["Review the waiting-room signage", "Alice Lead", "1 October 2026", "1,250.50"]


def test_it_marks_the_header_row_of_each_table(word):
    for table in word.tables:
        header = table.rows[0]._tr
        assert header.trPr.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)


def test_it_captions_each_table(word):
    assert paragraphs(word, "Caption") == ["Data for this chart", "Data for this chart", "Open actions"]


def test_it_sets_the_title_and_language(word):
    assert word.core_properties.title == "Pathfinder progress report"
    assert word.core_properties.language == "en-GB"
    assert word.core_properties.author == "Home Drug and Alcohol Service"


def test_it_drops_characters_word_cannot_hold():
    document = progress_document()
    document.title = "Report\x00 with\x1b control characters"
    word = docx.Document(io.BytesIO(docx_bytes(document)))
    assert paragraphs(word, "Heading 1") == ["Report with control characters"]
