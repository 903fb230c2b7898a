"""Content to render in the reports tests: no database, no other app."""

from datetime import date
from decimal import Decimal

import pytest

from pathfinder.reports.content import BulletList, Chart, Document, Heading, Paragraph, Series, Table

SCORES_SUMMARY = "Scores rose between the two rounds in every theme that was scored both times."
WELLBEING_SUMMARY = "The share of staff who feel safe at work rose in both teams."


def scores_chart(**changes) -> Chart:
    fields = {
        "kind": "bars",
        "title": "Average score by theme",
        "categories": ["Safety", "Trustworthiness and transparency", "Choice"],
        "series": [Series("Round 1", [2.0, 1.5, None]), Series("Round 2", [4.0, 2.5, 3.0])],
        "summary": SCORES_SUMMARY,
        "min_value": 0,
        "max_value": 4,
        "value_label": "Average score (0 to 4)",
    }
    return Chart(**{**fields, **changes})


def wellbeing_chart(**changes) -> Chart:
    fields = {
        "kind": "lines",
        "title": "Staff who feel safe at work",
        "categories": ["Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"],
        "series": [Series("Outreach team", [52, 55, None, 61]), Series("Recovery hub", [60, 58, 63, 66])],
        "summary": WELLBEING_SUMMARY,
        "min_value": 0,
        "max_value": 100,
        "value_suffix": "%",
        "category_label": "Month",
    }
    return Chart(**{**fields, **changes})


def actions_table(**changes) -> Table:
    fields = {
        "title": "Open actions",
        "columns": ["Action", "Owner", "Due", "Cost (£)"],
        "rows": [
            ["Review the waiting-room signage", "Alice Lead", date(2026, 10, 1), Decimal("1250.50")],
            ["Train reception staff", "Bob Member", date(2026, 11, 15), 800],
            ["Agree a feedback process", None, None, None],
        ],
        "caption": "Actions not yet completed.",
        "numeric_columns": frozenset({3}),
    }
    return Table(**{**fields, **changes})


def progress_document() -> Document:
    return Document(
        title="Pathfinder progress report",
        subtitle="Home Drug and Alcohol Service",
        author_label="Home Drug and Alcohol Service",
        generated_on=date(2026, 9, 30),
        blocks=[
            Heading("Summary"),
            Paragraph("This report shows progress in the first six months."),
            BulletList(["Scores rose in every theme.", "Staff feel safer at work."]),
            Heading("Assessment"),
            scores_chart(),
            Heading("Wellbeing"),
            wellbeing_chart(),
            Heading("Plan"),
            actions_table(),
        ],
    )


@pytest.fixture
def document() -> Document:
    return progress_document()
