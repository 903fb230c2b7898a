"""A Document survives the trip through JSON unchanged, so the file made in
the background says exactly what the download view gathered."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathfinder.reports import serial
from pathfinder.reports.content import BulletList, Chart, Document, Heading, Paragraph, Series, Table


def every_kind_of_block() -> Document:
    return Document(
        title="Progress report",
        subtitle="Home Drug and Alcohol Service",
        author_label="Home Drug and Alcohol Service",
        generated_on=date(2026, 11, 26),
        large_print=True,
        blocks=[
            Heading("Budget", level=3),
            Paragraph("Direct costs across the plan: £250.00"),
            BulletList(["One", "Two"]),
            Table(
                title="Costs",
                columns=["Action", "Cost", "Due", "Notes"],
                rows=[["Train staff", Decimal("250.50"), date(2027, 3, 31), None], ["Share", 3, None, "x"]],
                caption="What each action costs",
                numeric_columns=frozenset({1}),
                row_headers=True,
                empty_text="none",
            ),
            Chart(
                kind="bars",
                title="Scores by theme",
                categories=["Safety", "Trust"],
                series=[Series("Baseline", [1.5, None]), Series("Now", [2.0, 3.25])],
                summary="Trust rose.",
                max_value=Decimal("4"),
                value_label="Score",
                value_format="money",
                category_label="Theme",
            ),
        ],
    )


def test_it_gives_back_the_same_document():
    document = every_kind_of_block()
    assert serial.from_json(serial.to_json(document)) == document


def test_the_same_content_gives_the_same_text():
    assert serial.to_json(every_kind_of_block()) == serial.to_json(every_kind_of_block())
    changed = every_kind_of_block()
    changed.blocks[1] = Paragraph("Direct costs across the plan: £251.00")
    assert serial.to_json(changed) != serial.to_json(every_kind_of_block())


def test_it_refuses_what_a_document_cannot_hold():
    with pytest.raises(TypeError):
        serial.to_json(Document(title="x", blocks=[Table(title="t", columns=["a"], rows=[[object()]])]))


cells = st.one_of(
    st.none(),
    st.text(),
    st.integers(),
    st.floats(allow_nan=False),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(),
)


@given(st.lists(st.lists(cells, min_size=2, max_size=2), max_size=5), st.text())
def test_any_table_survives(rows, words):
    document = Document(title=words, blocks=[Table(title=words, columns=["a", "b"], rows=rows), Paragraph(words)])
    assert serial.from_json(serial.to_json(document)) == document
