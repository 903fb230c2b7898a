"""Wellbeing plans formatted for the page and for the printable PDF; and the
training register and plans formatted for pages, charts and downloads."""

from dataclasses import dataclass, field

from django.utils import timezone

from pathfinder.reports.cells import xml_safe
from pathfinder.reports.content import Chart, Document, Heading, Paragraph, Series, Table
from pathfinder.workforce.models import (
    PLAN_SECTIONS,
    CatalogueEntry,
    PlanLine,
    StaffMember,
    TrainingPlan,
    WellbeingPlan,
)
from pathfinder.workforce.practice_levels import JOB_ROLES, LearningFormat, PracticeLevel
from pathfinder.workforce.training import COVERAGE_TARGET, CoverageReport, done_entries, levels_to_do

NOTHING_YET = "Nothing written here yet."


@dataclass(frozen=True)
class SectionView:
    name: str
    title: str
    text: str


def plan_sections(plan: WellbeingPlan) -> list[SectionView]:
    return [SectionView(section.name, section.title, getattr(plan, section.name)) for section in PLAN_SECTIONS]


def plan_document(plan: WellbeingPlan, owner) -> Document:
    """The plan as a document to print or keep. It names only its owner."""
    blocks = [
        Paragraph(
            "This is your own wellbeing plan. You can keep it, change it whenever you like, "
            "and share it with someone you trust if you want to."
        )
    ]
    for section in plan_sections(plan):
        blocks.append(Heading(section.title))
        paragraphs = [line.strip() for line in xml_safe(section.text).split("\n") if line.strip()]
        blocks.extend(Paragraph(text) for text in paragraphs or [NOTHING_YET])
    return Document(
        title="My wellbeing plan",
        subtitle=f"Last updated on {plan.updated_on.day} {plan.updated_on:%B %Y}",
        blocks=blocks,
        author_label=owner.full_name,
        generated_on=timezone.localdate(),
    )


# --- Training --------------------------------------------------------------------------


def duration_text(minutes: int) -> str:
    """90 → "1 hour 30 minutes"; 480 → "8 hours"; 45 → "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def format_label(value: str) -> str:
    try:
        return LearningFormat(value).label
    except ValueError:
        return value


def level_label(value: str) -> str:
    return PracticeLevel(value).label


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def coverage_chart(report: CoverageReport) -> Chart:
    """Coverage of the levels someone needs, as bars, with its table (counts too) and one sentence."""
    rows = [row for row in report.levels if row.needed]
    return Chart(
        kind="bars",
        title="Staff trained at each practice level",
        categories=[row.level.label for row in rows],
        series=[Series("Trained", [round(row.percent) for row in rows])],
        summary=coverage_sentence(report),
        min_value=0,
        max_value=100,
        value_suffix="%",
        value_label=f"Share of the staff who need each level who are trained at it (aim: {COVERAGE_TARGET}%)",
        category_label="Practice level",
        table=Table(
            title="Staff trained at each practice level",
            columns=["Practice level", "Staff who need it", "Trained", "Share trained (%)"],
            rows=[[row.level.label, row.needed, row.trained, round(row.percent)] for row in rows],
            numeric_columns=frozenset({1, 2, 3}),
            row_headers=True,
        ),
    )


def coverage_sentence(report: CoverageReport) -> str:
    needed = [row for row in report.levels if row.needed]
    if not needed:
        return "Nobody has a job role in the training register yet, so there is no coverage to show."
    first, *rest = needed
    parts = [f"{first.level.label}: {first.trained} of {first.needed} staff trained ({percent_text(first.percent)})."]
    parts += [f"{row.level.label}: {row.trained} of {row.needed} ({percent_text(row.percent)})." for row in rest]
    labels = [row.level.label.lower() for row in report.gaps]
    if labels:
        listed = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
        parts.append(f"Below the aim of {COVERAGE_TARGET}%: {listed}.")
    else:
        parts.append(f"Every level needed is at or above the aim of {COVERAGE_TARGET}%.")
    return " ".join(parts)


@dataclass
class PlanPart:
    kind: str
    title: str
    lines: list[PlanLine]

    @property
    def minutes(self) -> int:
        return sum(line.entry.duration_minutes for line in self.lines)


@dataclass
class PlanRole:
    role: str
    label: str
    reasoning: list[str]
    staff: int
    parts: list[PlanPart] = field(default_factory=list)

    @property
    def high(self) -> int:
        return sum(1 for part in self.parts for line in part.lines if line.priority == PlanLine.Priority.HIGH)

    @property
    def line_count(self) -> int:
        return sum(len(part.lines) for part in self.parts)


def _line_order(line: PlanLine):
    return (PracticeLevel(line.level).rank, line.entry.title.casefold(), line.pk or 0)


def plan_roles(plan: TrainingPlan, lines: list[PlanLine], staff: dict[str, int]) -> list[PlanRole]:
    """The plan by role, then by part (training, induction, scaffolding), each by level."""
    by_role: dict[str, dict[str, list[PlanLine]]] = {}
    for line in lines:
        by_role.setdefault(line.job_role, {}).setdefault(line.kind, []).append(line)
    roles = []
    for role, label in JOB_ROLES.items():
        parts = by_role.get(role, {})
        roles.append(
            PlanRole(
                role=role,
                label=label,
                reasoning=plan.reasoning.get(role, []),
                staff=staff.get(role, 0),
                parts=[
                    PlanPart(kind, title, sorted(parts.get(kind, []), key=_line_order))
                    for kind, title in PlanLine.Kind.choices
                ],
            )
        )
    return roles


def plan_tables(plan: TrainingPlan, lines: list[PlanLine]) -> list[Table]:
    """The plan as spreadsheet tables: every line, then the reasoning by role."""
    ordered = sorted(
        lines,
        key=lambda line: (
            list(JOB_ROLES).index(line.job_role),
            list(PlanLine.Kind.values).index(line.kind),
            *_line_order(line),
        ),
    )
    return [
        Table(
            title="Training plan",
            columns=[
                "Job role",
                "Part of the plan",
                "Practice level",
                "Training",
                "Provider",
                "Format",
                "Time (minutes)",
                "Priority",
                "Note",
                "Web address",
                "Start date",
                "Due date",
                "Cost (£)",
                "Owner",
                "In the implementation plan",
            ],
            rows=[
                [
                    line.get_job_role_display(),
                    line.get_kind_display(),
                    level_label(line.level),
                    line.entry.title,
                    line.entry.provider,
                    format_label(line.entry.format),
                    line.entry.duration_minutes,
                    line.get_priority_display(),
                    line.note,
                    line.entry.url,
                    line.starts_on,
                    line.due_on,
                    line.cost,
                    line.owner.user.full_name if line.owner else "",
                    "Yes" if line.action_id else "No",
                ]
                for line in ordered
            ],
            caption=plan.title,
            numeric_columns=frozenset({6, 12}),
        ),
        Table(
            title="Why, by role",
            columns=["Job role", "Reasoning"],
            rows=[[label, " ".join(plan.reasoning.get(role, []))] for role, label in JOB_ROLES.items()]
            + [["Everyone", plan.summary]],
        ),
    ]


def catalogue_groups(entries: list[CatalogueEntry]) -> list[tuple[PracticeLevel, list[CatalogueEntry]]]:
    groups = []
    for level in PracticeLevel:
        matching = [entry for entry in entries if entry.level == level.value]
        if matching:
            groups.append((level, matching))
    return groups


@dataclass
class StaffRow:
    member: object  # a Membership, or a StaffMember (no account)
    job_role: str  # "" when not recorded
    level: PracticeLevel | None
    records: list
    to_do: list[PracticeLevel]
    today: object = None

    @property
    def job_role_label(self) -> str:
        return JOB_ROLES.get(self.job_role, "")

    @property
    def has_account(self) -> bool:
        return not isinstance(self.member, StaffMember)

    @property
    def name(self) -> str:
        return self.member.user.full_name if self.has_account else self.member.name

    @property
    def done(self) -> list:
        return [record for record in self.records if record.is_done]

    @property
    def booked(self) -> list:
        return [record for record in self.records if not record.is_done]

    @property
    def refreshers_due(self) -> list:
        return [record for record in self.done if not record.is_current(self.today)]


def record_state(record, today) -> str:
    """How one record stands, in words: booked, done, or needing a refresher."""
    if not record.is_done:
        return f"Booked for {long_date(record.completed_on)}"
    if record.refresh_due_on is None:
        return f"Done on {long_date(record.completed_on)}"
    if record.refresh_due_on <= today:
        return f"Done on {long_date(record.completed_on)}: a refresher was due by {long_date(record.refresh_due_on)}"
    return f"Done on {long_date(record.completed_on)}: refresher due by {long_date(record.refresh_due_on)}"


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def staff_row(member, required: dict[str, PracticeLevel], records, requirements=None, today=None) -> StaffRow:
    """One person in the register: their role, the level it needs (`required`,
    from training.required_levels), their records, and the levels they are not
    trained at yet: as the latest plan asks (`requirements`), with refreshers
    up to date and booked training not counted."""
    today = today or timezone.localdate()
    if isinstance(member, StaffMember):
        job_role = member.job_role
    else:
        profile = getattr(member, "workforce_profile", None)
        job_role = profile.job_role if profile else ""
    level = required.get(job_role)
    done = done_entries(
        (record.entry_id, record.entry.level, record.entry.active, record.entry.scaffolding)
        for record in records
        if record.is_current(today)
    )
    to_do = levels_to_do(job_role, level, done, requirements or {})
    return StaffRow(member, job_role, level, list(records), to_do, today)


def staff_rows(members, required: dict[str, PracticeLevel], records, requirements=None) -> list[StaffRow]:
    by_member: dict[tuple, list] = {}
    for record in records:
        key = ("m", record.membership_id) if record.membership_id else ("s", record.staff_id)
        by_member.setdefault(key, []).append(record)

    def key(member):
        return ("s", member.pk) if isinstance(member, StaffMember) else ("m", member.pk)

    return [staff_row(member, required, by_member.get(key(member), []), requirements) for member in members]


def register_table(members, others, records) -> Table:
    """The training register, one line per record (or per person with none).
    Cells go through the export's formula guard, so a name typed or imported as
    “=HYPERLINK(…)” stays text when the file is opened."""
    by_person: dict[tuple, list] = {}
    for record in records:
        key = ("m", record.membership_id) if record.membership_id else ("s", record.staff_id)
        by_person.setdefault(key, []).append(record)
    people = [
        (
            ("m", member.pk),
            member.user.full_name,
            getattr(getattr(member, "workforce_profile", None), "job_role", ""),
            "Yes",
        )
        for member in members
    ] + [(("s", person.pk), person.name, person.job_role, "No") for person in others]
    rows = []
    for key, name, role, account in sorted(people, key=lambda person: (person[1].casefold(), person[0])):
        mine = by_person.get(key, [])
        base = [name, JOB_ROLES.get(role, ""), account]
        if not mine:
            rows.append([*base, "", "", "", "", ""])
        for record in mine:
            rows.append(
                [
                    *base,
                    record.entry.title,
                    level_label(record.entry.level),
                    record.get_status_display(),
                    record.completed_on,
                    record.refresh_due_on,
                ]
            )
    return Table(
        title="Training register",
        columns=[
            "Name",
            "Job role",
            "Has an account",
            "Training",
            "Practice level",
            "Done or booked",
            "Date",
            "Refresher due",
        ],
        rows=rows,
    )


def money(value) -> str:
    return f"£{value:,.2f}" if value else "No cost set"


def line_when(line: PlanLine) -> str:
    if line.starts_on and line.due_on:
        return f"{long_date(line.starts_on)} to {long_date(line.due_on)}"
    if line.due_on:
        return f"By {long_date(line.due_on)}"
    if line.starts_on:
        return f"From {long_date(line.starts_on)}"
    return "No dates set"
