"""Shape actions for the plan pages: rows, counts, grouping by theme, and the
quarter-by-quarter timeline."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from pathfinder.planning.models import Action
from pathfinder.programmes.domain import Theme

Status = Action.Status
DUE_SOON_DAYS = 30
STATUS_TAGS = {
    Status.NOT_STARTED: "nhsuk-tag--grey",
    Status.IN_PROGRESS: "nhsuk-tag--blue",
    Status.DONE: "nhsuk-tag--green",
    Status.BLOCKED: "nhsuk-tag--orange",
}
PRIORITY_ORDER = {Action.Priority.HIGH: 0, Action.Priority.MEDIUM: 1, Action.Priority.LOW: 2}


@dataclass
class ActionRow:
    action: Action
    theme: str
    owner: str
    owner_left: bool
    overdue: bool
    due_soon: bool
    status: str
    status_tag: str
    findings: int


def owner_name(action: Action) -> str:
    if action.owner is None:
        return "No owner yet"
    return action.owner.user.full_name or action.owner.user.email


def _row(action, today: date, *, owner: str, owner_left: bool, findings: int) -> ActionRow:
    overdue = action.is_overdue(today)
    return ActionRow(
        action=action,
        theme=Theme(action.theme).label,
        owner=owner,
        owner_left=owner_left,
        overdue=overdue,
        due_soon=not action.is_done and not overdue and action.due_on <= today + timedelta(days=DUE_SOON_DAYS),
        status=Status(action.status).label,
        status_tag=STATUS_TAGS[action.status],
        findings=findings,
    )


def action_row(action: Action, today: date) -> ActionRow:
    return _row(
        action,
        today,
        owner=owner_name(action),
        owner_left=action.owner_has_left,
        findings=getattr(action, "findings_total", 0),
    )


@dataclass(frozen=True)
class ListedAction:
    """What the long lists show of an action (services.listing): the same
    names as on Action, for the same templates."""

    pk: int
    title: str
    priority: str
    due_on: date
    starts_on: date | None
    status: str
    theme: str

    @property
    def is_done(self) -> bool:
        return self.status == Status.DONE

    def is_overdue(self, today) -> bool:
        return not self.is_done and self.due_on < today


def listed_rows(values, today: date) -> list[ActionRow]:
    """Rows from services.listing.listed: the same as action_rows gives for
    the same actions read in full."""
    rows = []
    for pk, title, priority, due_on, starts_on, status, theme, owner_id, *owner, findings in values:
        member_active, account_active, full_name, email = owner
        rows.append(
            _row(
                ListedAction(pk, title, priority, due_on, starts_on, status, theme),
                today,
                owner="No owner yet" if owner_id is None else full_name or email,
                owner_left=owner_id is not None and not (member_active and account_active),
                findings=findings,
            )
        )
    return rows


def action_rows(actions, today: date) -> list[ActionRow]:
    return [action_row(action, today) for action in actions]


@dataclass
class Summary:
    total: int = 0
    by_status: dict = field(default_factory=dict)
    overdue: int = 0
    due_soon: int = 0
    owner_left: int = 0

    def count(self, status: str) -> int:
        return self.by_status.get(status, 0)


def summary(rows: list[ActionRow]) -> Summary:
    result = Summary(total=len(rows))
    for row in rows:
        result.by_status[row.action.status] = result.by_status.get(row.action.status, 0) + 1
        result.overdue += row.overdue
        result.due_soon += row.due_soon
        result.owner_left += row.owner_left
    return result


def by_theme(rows: list[ActionRow]) -> list[tuple[str, str, list[ActionRow]]]:
    """(theme value, label, rows) for every theme, in the method's order."""
    grouped: dict[str, list[ActionRow]] = {theme.value: [] for theme in Theme}
    for row in rows:
        grouped[row.action.theme].append(row)
    return [(theme.value, theme.label, grouped[theme.value]) for theme in Theme]


# The timeline ----------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    years, month = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Quarter:
    index: int
    starts: date
    ends: date  # inclusive

    @property
    def year(self) -> int:
        return self.index // 4 + 1

    @property
    def number(self) -> int:
        return self.index % 4 + 1

    @property
    def label(self) -> str:
        return f"Year {self.year}, quarter {self.number}"

    @property
    def months(self) -> str:
        if self.starts.year == self.ends.year:
            return f"{self.starts:%b}–{self.ends:%b %Y}"
        return f"{self.starts:%b %Y}–{self.ends:%b %Y}"


def quarters(starts_on: date, years: int) -> list[Quarter]:
    return [
        Quarter(index, add_months(starts_on, 3 * index), add_months(starts_on, 3 * (index + 1)) - timedelta(days=1))
        for index in range(years * 4)
    ]


def quarter_of(periods: list[Quarter], day: date) -> int:
    """Index of the quarter holding `day`: -1 before the plan, len() after it."""
    if day < periods[0].starts:
        return -1
    for period in periods:
        if day <= period.ends:
            return period.index
    return len(periods)


@dataclass
class TimelineRow:
    row: ActionRow
    cells: list[tuple[str, str]]  # (text, tag class) per quarter; ("", "") when empty
    note: str = ""


def timeline_cells(action: Action, periods: list[Quarter], today: date) -> tuple[list[tuple[str, str]], str]:
    due = quarter_of(periods, action.due_on)
    start = quarter_of(periods, action.starts_on) if action.starts_on else due
    if action.is_done:
        end_text, end_tag = "Done", "nhsuk-tag--green"
    elif action.due_on < today:
        end_text, end_tag = "Overdue", "nhsuk-tag--red"
    else:
        end_text, end_tag = "Due", "nhsuk-tag--blue"
    cells = []
    for period in periods:
        if period.index == due:
            cells.append((end_text, end_tag))
        elif period.index == start and start < due:
            cells.append(("Starts", "nhsuk-tag--white"))
        elif start < period.index < due:
            cells.append(("Under way", "nhsuk-tag--grey"))
        else:
            cells.append(("", ""))
    note = ""
    if due >= len(periods):
        note = f"Due after the plan's last quarter ({action.due_on.day} {action.due_on:%B %Y})."
    elif due < 0:
        note = f"Due before the plan started ({action.due_on.day} {action.due_on:%B %Y})."
    elif start < 0:
        note = "Started before the plan."
    return cells, note


def timeline(rows: list[ActionRow], starts_on: date, years: int, today: date) -> dict:
    periods = quarters(starts_on, years)
    now = quarter_of(periods, today)
    groups = []
    for value, label, theme_rows in by_theme(rows):
        if not theme_rows:
            continue
        lines = []
        for row in sorted(theme_rows, key=lambda row: (row.action.starts_on or row.action.due_on, row.action.due_on)):
            cells, note = timeline_cells(row.action, periods, today)
            lines.append(TimelineRow(row=row, cells=cells, note=note))
        groups.append((value, label, lines))
    return {"quarters": periods, "now": now, "groups": groups}
