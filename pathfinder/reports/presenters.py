"""What PDF and Word documents share: heading levels, cell text and the byline."""

from collections.abc import Iterator
from dataclasses import dataclass

from pathfinder.reports.cells import display_text, format_date, xml_safe
from pathfinder.reports.content import Block, Chart, Document, Heading, Table

# An unbroken run of characters longer than this (a pasted address, a very
# long word) could stretch its column off the page.
LONG_WORD = 30


@dataclass(frozen=True)
class CellView:
    text: str
    numeric: bool = False
    # A row header: the cell that names its row.
    header: bool = False

    @property
    def long_word(self) -> bool:
        """Whether the cell may break its text anywhere. Only such cells do,
        so the words in every other cell stay whole and the table keeps all
        its columns within the page."""
        return has_long_word(self.text)


def has_long_word(text: str) -> bool:
    return any(len(word) > LONG_WORD for word in text.split())


def blocks_with_levels(document: Document) -> Iterator[tuple[Block, int]]:
    """Each block with its heading level: a Heading's own, otherwise one below
    the last heading (the document title is level 1), so that a chart's title
    fits the outline it sits in."""
    level = 1
    for block in document.blocks:
        if isinstance(block, Heading):
            level = block.level
            yield block, level
        else:
            yield block, min(level + 1, 6)


def header_cells(table: Table) -> list[CellView]:
    return [
        CellView(xml_safe(column), numeric=index in table.numeric_columns) for index, column in enumerate(table.columns)
    ]


def body_rows(table: Table) -> list[list[CellView]]:
    return [
        [
            CellView(
                xml_safe(display_text(value, table.empty_text)),
                numeric=index in table.numeric_columns,
                header=table.row_headers and index == 0,
            )
            for index, value in enumerate(row)
        ]
        for row in table.rows
    ]


def chart_table_title(chart: Chart) -> str:
    """The caption of a chart's data table: its own title, unless that only
    repeats the chart's."""
    assert chart.table is not None  # Chart fills it in
    if chart.table.title and chart.table.title != chart.title:
        return chart.table.title
    return "Data for this chart"


def byline(document: Document) -> str:
    """Who and when, such as: Home Drug and Alcohol Service. Created on 3 March 2026."""
    parts = []
    if document.author_label:
        parts.append(document.author_label.rstrip(".") + ".")
    if document.generated_on:
        parts.append(f"Created on {format_date(document.generated_on)}.")
    return xml_safe(" ".join(parts))
