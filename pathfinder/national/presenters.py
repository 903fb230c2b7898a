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
    with_actions = [line for line in figures.themes if line.total]
    if figures.released and with_actions:
        best = max(with_actions, key=lambda line: (line.percent or 0, line.total))
        chart = Chart(
            kind="bars",
            title="Plan progress by theme",
            categories=[line.theme for line in with_actions],
            series=[Series("Actions done", [line.percent for line in with_actions])],
            summary=(
                f"Of the themes shown, {best.theme.lower()} has the largest share of its actions done "
                f"({best.percent}%, {best.done} of {best.total}, across {best.services} services)."
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
