"""Documents as Word (.docx) files with python-docx.

Headings use Word's own heading styles, so the navigation pane and screen
readers see the outline; tables have a header row that repeats on each page.
A chart becomes its title, its summary sentence and its data table: no image.
"""

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from pathfinder.reports import presenters
from pathfinder.reports.cells import xml_safe
from pathfinder.reports.content import BulletList, Chart, Document, Heading, Paragraph, Table

LANGUAGE = "en-GB"


def docx_bytes(document: Document) -> bytes:
    word = docx.Document()
    _set_defaults(word, document)
    word.add_heading(xml_safe(document.title), level=1)
    if document.subtitle:
        word.add_paragraph(xml_safe(document.subtitle), style="Subtitle")
    if byline := presenters.byline(document):
        word.add_paragraph(byline)

    for block, level in presenters.blocks_with_levels(document):
        match block:
            case Heading():
                word.add_heading(xml_safe(block.text), level=level)
            case Paragraph():
                word.add_paragraph(xml_safe(block.text))
            case BulletList():
                for item in block.items:
                    word.add_paragraph(xml_safe(item), style="List Bullet")
            case Table():
                _add_table(word, block, block.title)
            case Chart():
                assert block.table is not None  # Chart fills it in
                word.add_heading(xml_safe(block.title), level=level)
                summary = word.add_paragraph()
                summary.add_run(xml_safe(block.summary)).bold = True
                _add_table(word, block.table, presenters.chart_table_title(block))

    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_defaults(word, document: Document) -> None:
    properties = word.core_properties
    properties.title = xml_safe(document.title)
    properties.subject = xml_safe(document.subtitle)
    properties.author = xml_safe(document.author_label) or "Pathfinder"
    properties.language = LANGUAGE
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    # Spelling and screen-reader language for all text based on Normal.
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    normal.element.get_or_add_rPr().append(language)


def _add_table(word, table: Table, title: str) -> None:
    word.add_paragraph(xml_safe(title), style="Caption")
    if table.caption:
        word.add_paragraph(xml_safe(table.caption))
    header = presenters.header_cells(table)
    grid = word.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    _mark_as_header_row(grid.rows[0])
    for cell, view in zip(grid.rows[0].cells, header, strict=True):
        _fill(cell, view, bold=True)
    for row in presenters.body_rows(table):
        for cell, view in zip(grid.add_row().cells, row, strict=True):
            _fill(cell, view, bold=view.header)


def _fill(cell, view: presenters.CellView, *, bold: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(view.text).bold = bold
    if view.numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _mark_as_header_row(row) -> None:
    """Word repeats this row on every page, and screen readers read it as the header."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)
