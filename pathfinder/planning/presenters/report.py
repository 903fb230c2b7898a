"""The progress report for senior management, and the plan as a table for
CSV and Excel downloads. Both are reports.content data: the reports app
renders them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pathfinder.planning.models import Action
from pathfinder.planning.presenters import budget as budget_presenter
from pathfinder.planning.presenters.plan import ActionRow, by_theme
from pathfinder.planning.wording import hours, long_date, money
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.registry import finding_source
from pathfinder.reports.content import BulletList, Chart, Document, Heading, Paragraph, Series, Table

Status = Action.Status
STATUS_ORDER = [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.BLOCKED]


def _owner(row: ActionRow) -> str:
    return f"{row.owner} (has left the service)" if row.owner_left else row.owner


def status_chart(rows: list[ActionRow]) -> Chart:
    """How far each theme has got: the share of its actions done, with every
    status in the table beside it. Only themes with actions are shown."""
    counts = {theme.value: dict.fromkeys(STATUS_ORDER, 0) for theme in Theme}
    for row in rows:
        counts[row.action.theme][row.action.status] += 1
    themes = [theme for theme in Theme if sum(counts[theme.value].values())]
    totals = {status: sum(theme[status] for theme in counts.values()) for status in STATUS_ORDER}
    if rows:
        summary = (
            f"Of {len(rows)} action{'' if len(rows) == 1 else 's'}, {totals[Status.DONE]} "
            f"{'is' if totals[Status.DONE] == 1 else 'are'} done, {totals[Status.IN_PROGRESS]} in progress, "
            f"{totals[Status.NOT_STARTED]} not started and {totals[Status.BLOCKED]} blocked."
        )
        if totals[Status.DONE]:
            most = max(themes, key=lambda theme: counts[theme.value][Status.DONE])
            summary += f" The most are done in {most.label} ({counts[most.value][Status.DONE]})."
    else:
        summary = "The plan has no actions yet."

    def share_done(theme) -> float:
        return round(100 * counts[theme.value][Status.DONE] / sum(counts[theme.value].values()))

    table = Table(
        title="Actions by theme and status",
        columns=["Theme", *(Status(status).label for status in STATUS_ORDER), "All actions", "Done (%)"],
        rows=[
            [
                theme.label,
                *(counts[theme.value][status] for status in STATUS_ORDER),
                sum(counts[theme.value].values()),
                share_done(theme),
            ]
            for theme in themes
        ],
        numeric_columns=frozenset(range(1, len(STATUS_ORDER) + 3)),
        row_headers=True,
    )
    return Chart(
        kind="bars",
        title="Share of each theme's actions that are done",
        categories=[theme.label for theme in themes],
        series=[Series("Done (%)", [share_done(theme) for theme in themes])],
        summary=summary,
        min_value=0,
        max_value=100,
        value_label="Actions done (%)",
        value_suffix="%",
        category_label="Theme",
        table=table,
    )


def _waiting(needed) -> list[str]:
    lines = []
    for item in needed:
        if item.answer is not None:
            continue
        if item.action is not None:
            lines.append(f"{item.action.title}: {item.needed}")
        else:
            lines.append(f"From the group meeting on {long_date(item.meeting.held_on)}: {item.needed}")
    return lines


def _decided(needed, since: date | None) -> list[str]:
    return [
        f"{item.needed} Decided: {item.answer.decision} "
        f"({item.answer.decided_by.full_name if item.answer.decided_by else 'someone'}, "
        f"{long_date(item.answer.decided_at.date())})"
        for item in needed
        if item.answer is not None and (since is None or item.answer.decided_at.date() >= since)
    ]


def _from(finding) -> str:
    """Where a finding came from, in words: the tool, and the event, round or
    survey when the tool named it."""
    source = finding_source(finding.source_type)
    if finding.source_label and finding.source_label != source.label:
        return f"{source.label}: {finding.source_label}"
    return source.label


def _costs(action, hourly_rate: Decimal) -> str:
    words = f"Cost: {money(action.direct_cost)} direct"
    if action.staff_hours:
        words += f", and {hours(action.staff_hours)} of staff time"
        if hourly_rate:
            words += f" (about {money(action.staff_hours * hourly_rate)} at {money(hourly_rate)} an hour)"
    if action.funding_source_id:
        words += f", from {action.funding_source.name}"
    return words + "."


def _latest_update(entry) -> str:
    """`entry`: services.report_details.LatestEntry, or None when nothing but the
    action's creation has been recorded."""
    if entry is None:
        return "No progress has been recorded yet."
    who = entry.author if entry.author is not None else "Someone"
    said = entry.text.strip().replace("\n", " ") or entry.kind_label.lower()
    return f"Latest update ({who}, {long_date(entry.at.date())}): {said}"


def progress_report(
    *,
    service,
    today: date,
    since: date | None,
    rows: list[ActionRow],
    needed,
    plan_budget,
    expected_savings: str,
    details,
    hourly_rate: Decimal = Decimal("0"),
) -> Document:
    """`needed`: services.decisions.Needed items; `details`:
    services.report_details.ReportDetails for the same actions."""
    done_since = [
        row
        for row in rows
        if row.action.is_done and row.action.done_at and (since is None or row.action.done_at.date() >= since)
    ]
    overdue = [row for row in rows if row.overdue]
    since_text = f"since the last report on {long_date(since)}" if since else "since the plan began"
    blocks = [
        Paragraph(
            f"Progress on {service.name}'s trauma-informed practice implementation plan, on {long_date(today)}. "
            "Each action lists the findings it answers, so it is clear why it is in the plan."
        ),
        Heading("Status by theme"),
        status_chart(rows),
        Heading("Done " + since_text),
    ]
    if done_since:
        blocks.append(
            BulletList(
                [
                    f"{row.action.title} ({row.theme}), done on {long_date(row.action.done_at.date())}"
                    for row in done_since
                ]
            )
        )
    else:
        blocks.append(Paragraph(f"No actions have been finished {since_text}."))
    blocks.append(Heading("Overdue actions"))
    if overdue:
        blocks.append(
            Table(
                title="Actions past their due date",
                columns=["Action", "Theme", "Owner", "Due date", "Status"],
                rows=[[row.action.title, row.theme, _owner(row), row.action.due_on, row.status] for row in overdue],
                caption="Past the due date and not done. A new date or some help may be all that is needed.",
            )
        )
    else:
        blocks.append(Paragraph("No actions are past their due date."))
    blocks.append(Heading("Decisions needed"))
    decisions = _waiting(needed)
    blocks.append(
        BulletList(decisions) if decisions else Paragraph("No decisions are needed from senior management right now.")
    )
    decided = _decided(needed, since)
    if decided:
        blocks += [Heading("Decisions made " + since_text, level=3), BulletList(decided)]
    total = plan_budget.total
    blocks += [
        Heading("Budget"),
        Paragraph(
            f"Direct costs across the plan: {money(total.direct)}. Staff time: {hours(total.hours)} "
            f"(about {plan_budget.staff_days} days)."
        ),
        budget_presenter.totals_table(plan_budget),
        budget_presenter.costs_table("Costs by plan year", "Plan year", plan_budget.by_year),
        budget_presenter.costs_table("Costs by funding source", "Funding source", plan_budget.by_source),
    ]
    if plan_budget.funding:
        blocks.append(budget_presenter.funding_table(plan_budget))
    if plan_budget.tool_lines:
        blocks.append(budget_presenter.tool_table(plan_budget))
    if expected_savings.strip():
        blocks += [Heading("Savings the work may bring", level=3), Paragraph(expected_savings.strip())]
    blocks.append(Heading("Each action and why it exists"))
    for _, label, theme_rows in by_theme(rows):
        if not theme_rows:
            continue
        blocks.append(Heading(label, level=3))
        for row in theme_rows:
            action = row.action
            blocks += [
                Heading(action.title, level=4),
                Paragraph(f"Owner: {_owner(row)}. Due: {long_date(action.due_on)}. Status: {row.status}."),
                Paragraph(_costs(action, hourly_rate)),
                Paragraph(_latest_update(details.latest.get(action.pk))),
            ]
            findings = details.findings.get(action.pk, [])
            if findings:
                blocks += [
                    Paragraph("It answers these findings:"),
                    BulletList([f"{finding.text} (from {_from(finding)})" for finding in findings]),
                ]
            else:
                blocks.append(Paragraph("No findings are linked to this action yet."))
    return Document(
        title="Progress report for senior management",
        subtitle=service.name,
        blocks=blocks,
        author_label=service.name,
        generated_on=today,
    )


def actions_table(rows: list[ActionRow]) -> Table:
    """Every action with its costs and the findings it answers (findings prefetched)."""
    columns = [
        "Action",
        "Theme",
        "Owner",
        "Owner has left",
        "Start date",
        "Due date",
        "Status",
        "What is blocking it",
        "Priority",
        "Direct cost (£)",
        "Staff hours",
        "Indirect costs",
        "Funding source",
        "Theory of change activity",
        "Outcome it serves",
        "Decision needed",
        "Findings it answers",
        "Description",
    ]
    table_rows = []
    for row in rows:
        action = row.action
        table_rows.append(
            [
                action.title,
                row.theme,
                row.owner,
                "Yes" if row.owner_left else "No",
                action.starts_on,
                action.due_on,
                row.status,
                action.blocked_reason,
                action.get_priority_display(),
                action.direct_cost,
                action.staff_hours,
                action.indirect_notes,
                action.funding_source.name if action.funding_source else "",
                action.activity.text if action.activity else "",
                action.outcome.text if action.outcome else "",
                action.decision_needed,
                " | ".join(finding.text for finding in action.findings.all()),
                action.description,
            ]
        )
    return Table(title="Implementation plan", columns=columns, rows=table_rows, numeric_columns=frozenset({9, 10}))
