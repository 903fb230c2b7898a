"""The plan's budget: direct costs and staff time by plan year, theme and
funding source, the indirect costs written against actions, staff time in
money at the lead's hourly rate, spending other tools record (through
programmes.registry, e.g. lens event vouchers), and what each funding source
has left.

An action's costs count in the plan year it is due in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pathfinder.planning.presenters.plan import add_months
from pathfinder.planning.wording import hours, long_date, money
from pathfinder.programmes.domain import Theme
from pathfinder.reports.content import Chart, Series, Table

HOURS_PER_DAY = Decimal("7.5")
# The action fields budget() reads.
BUDGET_FIELDS = ("title", "theme", "due_on", "direct_cost", "staff_hours", "funding_source", "indirect_notes")
NO_SOURCE = "No funding source chosen"


def plan_year(starts_on: date, years: int, day: date) -> int:
    """1, 2, 3… for a date in the plan; 0 before it starts; years + 1 after it ends."""
    if day < starts_on:
        return 0
    year = 1
    while year <= years and day >= add_months(starts_on, 12 * year):
        year += 1
    return year


def year_label(year: int, years: int) -> str:
    if year == 0:
        return "Before the plan"
    if year > years:
        return f"After year {years}"
    return f"Year {year}"


@dataclass
class Totals:
    direct: Decimal = Decimal("0.00")
    hours: Decimal = Decimal("0.0")
    actions: int = 0

    def add(self, action) -> None:
        self.direct += action.direct_cost
        self.hours += action.staff_hours
        self.actions += 1


@dataclass
class Funding:
    name: str
    amount: Decimal | None  # None: not known yet
    planned: Decimal

    @property
    def left(self) -> Decimal | None:
        return None if self.amount is None else self.amount - self.planned


@dataclass
class Budget:
    total: Totals
    by_year: list[tuple[str, Totals]]
    by_theme: list[tuple[str, Totals]]
    by_source: list[tuple[str, Totals]]
    indirect: list[tuple[object, str]]  # (action, its indirect notes)
    hourly_rate: Decimal = Decimal("0")
    # (the tool's label, registry.CostLine): money other tools have recorded.
    tool_lines: list = field(default_factory=list)
    funding: list[Funding] = field(default_factory=list)

    @property
    def staff_days(self) -> Decimal:
        return (self.total.hours / HOURS_PER_DAY).quantize(Decimal("0.1"))

    @property
    def staff_cost(self) -> Decimal:
        return (self.total.hours * self.hourly_rate).quantize(Decimal("0.01"))

    @property
    def tool_total(self) -> Decimal:
        return sum((line.amount for _, line in self.tool_lines), Decimal("0.00"))

    @property
    def available(self) -> Decimal | None:
        """What the funding sources with an amount provide; None if none has one."""
        known = [source.amount for source in self.funding if source.amount is not None]
        return sum(known, Decimal("0.00")) if known else None

    @property
    def left(self) -> Decimal | None:
        """Funding left after the plan's direct costs and the spending tools recorded."""
        if self.available is None:
            return None
        return self.available - self.total.direct - self.tool_total


def budget(
    actions, starts_on: date, years: int, sources, *, hourly_rate: Decimal = Decimal("0"), tool_lines=()
) -> Budget:
    total = Totals()
    years_seen = {year: Totals() for year in range(1, years + 1)}
    themes = {theme.value: Totals() for theme in Theme}
    by_source = {source.pk: (source.name, Totals()) for source in sources}
    unfunded = Totals()
    indirect = []
    for action in actions:
        total.add(action)
        year = plan_year(starts_on, years, action.due_on)
        years_seen.setdefault(year, Totals()).add(action)
        themes[action.theme].add(action)
        if action.funding_source_id in by_source:
            by_source[action.funding_source_id][1].add(action)
        else:
            unfunded.add(action)
        if action.indirect_notes.strip():
            indirect.append((action, action.indirect_notes.strip()))
    source_rows = sorted(by_source.values(), key=lambda pair: (-pair[1].direct, pair[0]))
    if unfunded.actions:
        source_rows.append((NO_SOURCE, unfunded))
    funding = [
        Funding(name=source.name, amount=source.amount, planned=by_source[source.pk][1].direct)
        for source in sorted(sources, key=lambda source: source.name)
    ]
    return Budget(
        total=total,
        by_year=[(year_label(year, years), years_seen[year]) for year in sorted(years_seen)],
        by_theme=[(Theme(value).label, totals) for value, totals in themes.items()],
        by_source=source_rows,
        indirect=indirect,
        hourly_rate=hourly_rate or Decimal("0"),
        tool_lines=list(tool_lines),
        funding=funding,
    )


def funding_table(plan_budget: Budget) -> Table:
    def shown(value):
        return "Not known yet" if value is None else money(value)

    return Table(
        title="Funding and what is left",
        columns=["Funding source", "Amount", "Planned direct costs", "Left"],
        rows=[
            [source.name, shown(source.amount), money(source.planned), shown(source.left)]
            for source in plan_budget.funding
        ],
        row_headers=True,
        caption="Left is the amount less the direct costs of the actions funded from it.",
    )


def tool_table(plan_budget: Budget) -> Table:
    return Table(
        title="Spending by other tools",
        columns=["Tool", "What", "Date", "Amount"],
        rows=[
            [label, line.what, long_date(line.on) if line.on else "No date", money(line.amount)]
            for label, line in plan_budget.tool_lines
        ],
    )


def costs_table(title: str, first: str, rows: list[tuple[str, Totals]]) -> Table:
    return Table(
        title=title,
        columns=[first, "Direct cost (£)", "Staff hours", "Actions"],
        rows=[[label, totals.direct, totals.hours, totals.actions] for label, totals in rows],
        numeric_columns=frozenset({1, 2, 3}),
        row_headers=True,
    )


def _chart(title: str, first: str, rows: list[tuple[str, Totals]], summary: str) -> Chart:
    return Chart(
        kind="bars",
        title=title,
        categories=[label for label, _ in rows],
        series=[Series("Direct cost (£)", [float(totals.direct) for _, totals in rows])],
        summary=summary,
        value_label="Direct cost (£)",
        value_format="money",
        category_label=first,
        table=costs_table(title, first, rows),
    )


def _largest_sentence(rows: list[tuple[str, Totals]], total: Decimal, what: str) -> str:
    if not total:
        return "No direct costs have been recorded yet."
    label, biggest = max(rows, key=lambda pair: pair[1].direct)
    return f"Direct costs come to {money(total)} in all; the most {what} is {label} ({money(biggest.direct)})."


def year_chart(plan_budget: Budget) -> Chart:
    return _chart(
        "Direct costs by plan year",
        "Plan year",
        plan_budget.by_year,
        _largest_sentence(plan_budget.by_year, plan_budget.total.direct, "in one year"),
    )


def theme_chart(plan_budget: Budget) -> Chart:
    return _chart(
        "Direct costs by theme",
        "Theme",
        plan_budget.by_theme,
        _largest_sentence(plan_budget.by_theme, plan_budget.total.direct, "for one theme"),
    )


def source_chart(plan_budget: Budget) -> Chart:
    rows = plan_budget.by_source or [(NO_SOURCE, Totals())]
    return _chart(
        "Direct costs by funding source",
        "Funding source",
        rows,
        _largest_sentence(rows, plan_budget.total.direct, "from one source"),
    )


def totals_table(plan_budget: Budget) -> Table:
    total = plan_budget.total
    staff = f"{hours(total.hours)} (about {plan_budget.staff_days} days of 7.5 hours)"
    if plan_budget.hourly_rate:
        staff += f", about {money(plan_budget.staff_cost)} at {money(plan_budget.hourly_rate)} an hour"
    rows = [
        ["Direct costs", money(total.direct)],
        ["Staff time (indirect)", staff],
        ["Spending recorded by other tools", money(plan_budget.tool_total)],
    ]
    if plan_budget.available is not None:
        rows += [
            ["Funding available", money(plan_budget.available)],
            ["Left after direct costs and other spending", money(plan_budget.left)],
        ]
    rows.append(["Actions with other indirect costs noted", str(len(plan_budget.indirect))])
    return Table(title="Direct and indirect costs", columns=["What", "Amount"], rows=rows, row_headers=True)
