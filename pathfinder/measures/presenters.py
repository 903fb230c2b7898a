"""Measure results in words and tables: every figure as shown, "not shown" when withheld."""

from __future__ import annotations

from dataclasses import dataclass

from pathfinder.instruments import disclosure
from pathfinder.measures.results import SAME_WITHIN, Results
from pathfinder.reports.content import Chart, Series, Table


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


def overall_chart(results: Results, definition) -> Chart | None:
    """The released overall average per period, as a line; withheld periods are gaps."""
    if len(results.periods) < 2:
        return None
    values = [
        None if value is None or disclosure.is_hidden(value) else float(value)
        for value in (period.figures.overall for period in results.periods)
    ]
    known = [(period.label, value) for period, value in zip(results.periods, values, strict=True) if value is not None]
    if len(known) >= 2:
        (first_label, first), (last_label, last) = known[0], known[-1]
        way = "higher than" if last > first else "lower than" if last < first else "the same as"
        summary = f"The average overall score for {last_label} is {last:.1f}, {way} for {first_label} ({first:.1f})."
    else:
        summary = (
            "Too few averages can be shown yet to see a change: the others are withheld to protect people's privacy."
        )
    scales = list(definition.scales.values())
    return Chart(
        kind="lines",
        title=f"{results.measure}: average overall score by period",
        categories=[period.label for period in results.periods],
        series=[Series("Average overall score", values)],
        summary=summary,
        min_value=min((scale.minimum for scale in scales), default=0),
        max_value=max((scale.maximum for scale in scales), default=None),
        value_label="Average score",
    )
