"""Shape survey results for pages, charts and downloads. Every number here has
already been through the disclosure gate (see results.py)."""

from __future__ import annotations

from statistics import mean as plain_mean

from pathfinder.instruments import disclosure
from pathfinder.reports.charts import render_svg
from pathfinder.reports.content import Chart, Series, Table
from pathfinder.surveys import national
from pathfinder.surveys import results as survey_results

# Live counts move in steps, so watching them while asking one person "have you
# done it yet?" cannot be used to time anyone's answer (see docs/privacy.md).
LIVE_STEP = 5


def live_count(n: int, min_group: int = 10) -> str:
    """How many answers so far, as the lead may see it while the survey is open."""
    if n == 0:
        return "None yet"
    if n < min_group:
        return f"Fewer than {min_group}"
    return f"At least {n - n % LIVE_STEP}"


def participation(emailed: int, codes: int, responses: int) -> dict:
    return {"emailed": emailed, "codes": codes, "responses": responses, "live": live_count(responses)}


def shown(value) -> float | None:
    """A released number, or None where the gate hid it (charts draw 'no value')."""
    return None if isinstance(value, disclosure.Hidden) or value is None else float(value)


def label(value, suffix: str = "") -> str:
    if isinstance(value, disclosure.Hidden):
        return "not shown"
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.0f}{suffix}" if suffix == "%" else f"{value:.1f}{suffix}"
    return f"{value}{suffix}"


def national_chart(results: survey_results.Results) -> Chart | None:
    rows = survey_results.national_comparison(results)
    if not rows:
        return None
    categories = [f"{row.label} ({row.year})" for row in rows]
    ours = [shown(row.ours) for row in rows]
    shown_pairs = [(row, value) for row, value in zip(rows, ours, strict=True) if value is not None]
    if shown_pairs:
        above = sum(1 for row, value in shown_pairs if value >= row.national)
        summary = (
            f"On {above} of {len(shown_pairs)} measures, the share of people here who feel very or extremely confident "
            "is at or above the national survey's figure."
        )
    else:
        summary = "There are too few answers to compare with the national surveys without risking anyone's anonymity."
    return Chart(
        kind="bars",
        title="Very or extremely confident: this service and Scotland",
        categories=categories,
        series=[Series("This service", ours), Series("National survey", [row.national for row in rows])],
        summary=summary,
        min_value=0,
        max_value=100,
        value_label="Percentage of people",
        value_suffix="%",
    )


def charts(survey, results: survey_results.Results) -> dict:
    found = {}
    chart = national_chart(results) if survey.kind == "tna" and not results.key else None
    if chart is not None:
        found["national"] = chart
        found["national_svg"] = render_svg(chart, id_prefix="national")
        found["training_2021"] = national.TRAINING_DONE_2021
    return found


def wellbeing_score(definition, answers: dict) -> float | None:
    """One person's average across the pulse's scale items (None if they answered none)."""
    values = [
        answers[item.code] for item in definition.items if item.type == "scale" and answers.get(item.code) is not None
    ]
    return plain_mean(values) if values else None


def wellbeing_trend(waves: list[tuple[str, object, list[dict], disclosure.Rules]]) -> Chart | None:
    """waves: (title, definition, answer sets, rules) for each closed pulse survey, oldest first."""
    if len(waves) < 2:
        return None
    values = [
        shown(disclosure.mean([wellbeing_score(definition, answers) for answers in answer_sets], rules))
        for _, definition, answer_sets, rules in waves
    ]
    known = [value for value in values if value is not None]
    if len(known) >= 2:
        change = "higher" if known[-1] > known[0] else "lower" if known[-1] < known[0] else "the same"
        summary = f"The average wellbeing score in the latest pulse is {known[-1]:.1f}, {change} than the first ({known[0]:.1f})."
    else:
        summary = "Too few people answered some pulses to show their averages without risking anyone's anonymity."
    return Chart(
        kind="lines",
        title="Staff wellbeing pulse over time",
        categories=[title for title, _, _, _ in waves],
        series=[Series("Average score (1 never – 5 always)", values)],
        summary=summary,
        min_value=1,
        max_value=5,
        value_label="Average score",
    )


def results_table(survey, results: survey_results.Results) -> Table:
    """The released results as one table for CSV and Excel: the same figures as the page."""
    rows = []
    for section, items in results.sections:
        for item_result in items:
            for row in item_result.rows:
                rows.append([section, item_result.item.text, row.label, label(row.count), label(row.percent, "%")])
            if item_result.mean is not None:
                rows.append([section, item_result.item.text, "Average", label(item_result.mean), ""])
    return Table(
        title=f"{survey.title}: results",
        columns=["Section", "Question", "Answer", "People", "Percentage"],
        rows=rows,
        caption="Figures from fewer than 10 people, and small numbers, are not shown, to protect anonymity.",
    )
