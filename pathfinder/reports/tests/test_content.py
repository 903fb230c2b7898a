"""Content is checked when it is made, and every chart has a data table."""

import pytest

from pathfinder.reports.content import Chart, Heading, Series, Table
from pathfinder.reports.tests.conftest import scores_chart


def test_it_makes_a_charts_data_table_from_its_categories_and_series():
    table = scores_chart().table
    assert table.title == "Average score by theme"
    assert table.columns == ["Category", "Round 1", "Round 2"]
    assert table.rows == [
        ["Safety", 2.0, 4.0],
        ["Trustworthiness and transparency", 1.5, 2.5],
        ["Choice", None, 3.0],
    ]
    assert table.numeric_columns == frozenset({1, 2})
    assert table.row_headers
    assert table.empty_text == "no value"


def test_it_keeps_a_data_table_it_is_given():
    given = Table(title="Scores", columns=["Theme", "Score"], rows=[["Safety", 3]])
    assert scores_chart(table=given).table is given


def test_it_names_the_category_column_as_asked():
    assert scores_chart(category_label="Theme").table.columns[0] == "Theme"


def test_it_refuses_a_series_that_does_not_match_the_categories():
    with pytest.raises(ValueError, match="has 1 values for 3 categories"):
        scores_chart(series=[Series("Round 1", [1.0])])


def test_it_refuses_a_chart_without_a_summary():
    with pytest.raises(ValueError, match="summary"):
        scores_chart(summary=" ")


def test_it_refuses_an_unknown_kind_of_chart():
    with pytest.raises(ValueError, match="kind"):
        Chart(kind="pie", title="Pie", categories=[], series=[], summary="A pie.")


def test_it_refuses_a_row_with_the_wrong_number_of_cells():
    with pytest.raises(ValueError, match="row 1 has 1 cells for 2 columns"):
        Table(title="Scores", columns=["Theme", "Score"], rows=[["Safety"]])


def test_it_keeps_level_1_for_the_document_title():
    with pytest.raises(ValueError):
        Heading("Summary", level=1)
