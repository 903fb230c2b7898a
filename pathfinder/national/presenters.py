"""Charts, tables and sentences for the national page."""

from dataclasses import dataclass

from pathfinder.instruments import disclosure
from pathfinder.reports.charts import render_svg
from pathfinder.reports.content import Chart, Series


@dataclass(frozen=True)
class Shown:
    chart: Chart
    svg: str


def page(figures) -> dict:
    shown = {}
    if figures.released and any(line.total for line in figures.themes):
        with_actions = [line for line in figures.themes if line.total]
        best = max(with_actions, key=lambda line: (line.percent or 0, line.total))
        chart = Chart(
            kind="bars",
            title="Plan progress by theme",
            categories=[line.theme for line in figures.themes],
            series=[Series("Actions done", [line.percent for line in figures.themes])],
            summary=(
                f"Across these {len(figures.services)} services, {best.percent}% of actions in "
                f"{best.theme.lower()} are done, the most of any theme."
            ),
            max_value=100,
            value_suffix="%",
            value_label="Share of actions done",
            category_label="Theme",
        )
        shown["progress"] = Shown(chart, render_svg(chart, id_prefix="national-progress", show_title=False))
    levels = [line for line in figures.levels if not disclosure.is_hidden(line.percent) and line.percent is not None]
    if levels:
        chart = Chart(
            kind="bars",
            title="Training coverage by practice level",
            categories=[line.level for line in levels],
            series=[Series("Trained", [line.percent for line in levels])],
            summary=(
                "Of the staff whose roles need each practice level, the share trained at it, pooled across "
                "these services: " + "; ".join(f"{line.level} {line.percent:.0f}%" for line in levels) + "."
            ),
            max_value=100,
            value_suffix="%",
            value_label="Share trained",
            category_label="Practice level",
        )
        shown["training"] = Shown(chart, render_svg(chart, id_prefix="national-training", show_title=False))
    return shown
