"""Measure results in words and tables: every figure as shown, "not shown" when withheld."""

from __future__ import annotations

from dataclasses import dataclass

from pathfinder.instruments import disclosure
from pathfinder.measures.results import SAME_WITHIN, Results
from pathfinder.reports.content import Table


def shown(value) -> str:
    if value is None:
        return "–"
    if disclosure.is_hidden(value):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def signed(value) -> str:
    if value is None or disclosure.is_hidden(value):
        return shown(value)
    return f"{value:+.1f}" if value else "0.0"


@dataclass
class ResultsView:
    columns: list[str]
    rows: list[list[str]]
    held_back: list[str]  # labels of periods whose figures are kept as last shown
    change_people: str
    mean_change: str
    changes: list[tuple[str, str]]
    change_held_back: bool
    reasons: list[str]
    same_within: float


def results_view(results: Results) -> ResultsView:
    columns = ["Period", "People"]
    if results.periods:
        columns += [title for _key, title, _value in results.periods[-1].figures.means]
    rows, held = [], []
    for period in results.periods:
        figures = period.figures
        values = {key: value for key, _title, value in figures.means}
        keys = [key for key, _title, _value in results.periods[-1].figures.means]
        rows.append([period.label, shown(figures.people), *[shown(values.get(key)) for key in keys]])
        if figures.held_back:
            held.append(period.label)
    change = results.change
    return ResultsView(
        columns=columns,
        rows=rows,
        held_back=held,
        change_people=shown(change.people) if change else "",
        mean_change=signed(change.mean_change) if change else "",
        changes=[(label, shown(value)) for _key, label, value in change.changes] if change else [],
        change_held_back=bool(change and change.held_back),
        reasons=results.reasons,
        same_within=SAME_WITHIN,
    )


def tables(results: Results) -> list[Table]:
    view = results_view(results)
    found = [
        Table(
            title="Scores by period",
            columns=view.columns,
            rows=[list(row) for row in view.rows],
            caption="Mean scores from each person's latest record in the period. "
            "'not shown' means the figure was withheld to protect people's privacy.",
            row_headers=True,
        )
    ]
    if results.change:
        found.append(
            Table(
                title="Change over time",
                columns=["Figure", "Value"],
                rows=[
                    ["People with two or more records", view.change_people],
                    ["Mean change (latest minus first)", view.mean_change],
                    *[[label, value] for label, value in view.changes],
                ],
                row_headers=True,
            )
        )
    if view.reasons:
        found.append(Table(title="Why figures are not shown", columns=["Reason"], rows=[[r] for r in view.reasons]))
    return found
