"""The training register: the role map, the service's catalogue, who has done
which training, coverage per practice level, and coverage gaps as findings.

The register is named on purpose, like any training register; plain counts of
it are fine. Nothing here reads the anonymous training needs analysis: that
happens only in plans.py, through the disclosure gate.
"""

from __future__ import annotations

import calendar
import csv
import io
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import CharField, IntegerField, Q, Subquery, Value
from django.utils import timezone
from django.utils.text import slugify

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.core.models import Membership
from pathfinder.core.scoping import once
from pathfinder.programmes import services as programme_services
from pathfinder.programmes.models import Finding, Programme
from pathfinder.programmes.registry import PageRead, register_page_read
from pathfinder.workforce.models import (
    CatalogueEntry,
    PlanLine,
    RoleLevel,
    StaffMember,
    TrainingPlan,
    TrainingRecord,
    WorkforceProfile,
)
from pathfinder.workforce.practice_levels import (
    DEFAULT_ROLE_LEVELS,
    JOB_ROLES,
    PracticeLevel,
    catalogue,
)

# Coverage below this share of the staff who need a level is a gap.
COVERAGE_TARGET = 75
FINDING_SOURCE = "training"
# The version a form carries for someone who has no job role recorded yet.
NO_PROFILE = 0

ENTRY_FIELDS = (
    "title",
    "provider",
    "level",
    "format",
    "duration_minutes",
    "refresh_months",
    "description",
    "url",
    "induction",
    "scaffolding",
    "roles",
    "active",
)


class NotAllowed(ValueError):
    """A change the register cannot take, with a message for the person."""


# --- The role map ----------------------------------------------------------------------


def role_levels(service) -> dict[str, RoleLevel]:
    """The service's level for every job role, in the TNA's order. Roles the
    service has not set yet are filled in from the defaults, once."""
    rows = {row.job_role: row for row in RoleLevel.objects.filter(service=service)}
    missing = [role for role in JOB_ROLES if role not in rows]
    if missing:
        RoleLevel.objects.bulk_create(
            [RoleLevel(service=service, job_role=role, level=DEFAULT_ROLE_LEVELS[role].value) for role in missing],
            ignore_conflicts=True,
        )
        rows = {row.job_role: row for row in RoleLevel.objects.filter(service=service)}
    return {role: rows[role] for role in JOB_ROLES}


def required_levels(service) -> dict[str, PracticeLevel]:
    """The level each job role needs, for reading: the service's own where it
    has set them, the defaults where not. One query, and it writes nothing, so
    pages that only show levels (the dashboard, coverage) stay read-only."""

    def read() -> dict[str, PracticeLevel]:
        levels = {role: DEFAULT_ROLE_LEVELS[role] for role in JOB_ROLES}
        levels.update(
            (role, PracticeLevel(level))
            for role, level in RoleLevel.objects.filter(service=service).values_list("job_role", "level")
            if role in levels
        )
        return levels

    return dict(once(("training-required-levels", service.pk), read))


@transaction.atomic
def set_role_levels(service, choices: dict[str, tuple[str, int]], *, by) -> list[str]:
    """Save {job role: (level, version shown)}. All or nothing: if anyone saved
    any of these roles since the page was opened, StaleEdit is raised (with the
    current rows) and nothing changes. Returns the roles whose level changed."""
    role_levels(service)
    locked = {row.job_role: row for row in RoleLevel.objects.select_for_update().filter(service=service)}
    rows = {role: locked[role] for role in JOB_ROLES}
    if any(rows[role].version != version for role, (_, version) in choices.items()):
        raise StaleEdit(rows)
    changed = [role for role, (level, _) in choices.items() if rows[role].level != PracticeLevel(level).value]
    for role in changed:
        row = rows[role]
        row.level = choices[role][0]
        save_if_current(row, choices[role][1], ["level"])
    if changed:
        audit.record("training.role_levels_changed", actor=by, service=service, roles=changed)
    return changed


# --- The catalogue ---------------------------------------------------------------------


def catalogue_for(service) -> list[CatalogueEntry]:
    """The service's catalogue, every entry (offered or not), by level then title.

    Built-in entries (catalogue.yaml) the service does not have yet are copied
    in, matched by key: so a service gets them once, and later edits of its own
    copy are never overwritten."""
    entries = list(CatalogueEntry.objects.filter(service=service))
    have = {entry.key for entry in entries}
    missing = [entry for entry in catalogue() if entry.key not in have]
    if missing:
        CatalogueEntry.objects.bulk_create(
            [
                CatalogueEntry(
                    service=service,
                    key=entry.key,
                    title=entry.title,
                    provider=entry.provider,
                    level=entry.level.value,
                    format=entry.format.value,
                    duration_minutes=entry.duration_minutes,
                    description=entry.description,
                    url=entry.url,
                    induction=entry.induction,
                    scaffolding=entry.scaffolding,
                    roles=list(entry.roles),
                )
                for entry in missing
            ],
            ignore_conflicts=True,
        )
        entries = list(CatalogueEntry.objects.filter(service=service))
    return sorted(entries, key=lambda entry: (entry.practice_level.rank, entry.title.casefold(), entry.pk))


def active_entries(service) -> list[CatalogueEntry]:
    return [entry for entry in catalogue_for(service) if entry.active]


@transaction.atomic
def save_entry(entry: CatalogueEntry, values: dict, *, version: int, by) -> CatalogueEntry:
    """Change an entry; StaleEdit if someone saved it since `version`."""
    refresh_before = entry.refresh_months
    for name in ENTRY_FIELDS:
        setattr(entry, name, values[name])
    save_if_current(entry, version, list(ENTRY_FIELDS))
    if entry.refresh_months != refresh_before:
        # Records done before the change take the new refresher period too.
        done = list(TrainingRecord.objects.filter(entry=entry, status=TrainingRecord.Status.DONE))
        for record in done:
            record.refresh_due_on = refresh_due(entry, record.completed_on)
        TrainingRecord.objects.bulk_update(done, ["refresh_due_on"], batch_size=500)
    audit.record("training.catalogue_changed", actor=by, service=entry.service, target=entry, change="edited")
    return entry


@transaction.atomic
def add_entry(service, values: dict, *, by) -> CatalogueEntry:
    """A service's own entry, with a key made from its title."""
    catalogue_for(service)  # built-in keys are taken first, so ours never collide with them later
    base = slugify(values["title"])[:60].strip("-") or "entry"
    taken = set(CatalogueEntry.objects.filter(service=service, key__startswith=base).values_list("key", flat=True))
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    entry = CatalogueEntry.objects.create(service=service, key=key, **{name: values[name] for name in ENTRY_FIELDS})
    audit.record("training.catalogue_changed", actor=by, service=service, target=entry, change="added")
    return entry


# --- People and their records ----------------------------------------------------------


def staff_queryset(service):
    """Active members of the service, the people the register can hold."""
    return Membership.objects.filter(service=service).active()


@transaction.atomic
def set_job_role(membership, job_role: str, *, version: int, by) -> WorkforceProfile:
    """Record or change someone's job role. `version` is the one the form was
    shown (NO_PROFILE if they had none); StaleEdit if it changed since."""
    if job_role not in JOB_ROLES:
        raise NotAllowed("Choose one of the job roles.")
    profile = WorkforceProfile.objects.filter(membership=membership).first()
    if version == NO_PROFILE:
        if profile is not None:
            raise StaleEdit(profile)
        try:
            with transaction.atomic():
                profile = WorkforceProfile.objects.create(membership=membership, job_role=job_role)
        except IntegrityError:
            raise StaleEdit(WorkforceProfile.objects.get(membership=membership)) from None
    else:
        if profile is None:
            raise StaleEdit(None)
        profile.job_role = job_role
        save_if_current(profile, version, ["job_role"])
    audit.record("training.job_role_set", actor=by, service=membership.service, target=membership, job_role=job_role)
    return profile


def add_months(day, months: int):
    """The same day `months` later (the month's last day where it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def refresh_due(entry: CatalogueEntry, done_on):
    return add_months(done_on, entry.refresh_months) if entry.refresh_months else None


def _person_fields(person) -> dict:
    if isinstance(person, StaffMember):
        return {"staff": person}
    return {"membership": person}


@transaction.atomic
def add_record(person, entry: CatalogueEntry, on, *, by, status: str = TrainingRecord.Status.DONE) -> TrainingRecord:
    """Record training someone has done (on a day) or is booked on (for a day).
    `person`: a Membership or a StaffMember of the entry's service."""
    status = TrainingRecord.Status(status)
    if entry.service_id != person.service_id:
        raise NotAllowed("That training is not in this service's catalogue.")
    if status == TrainingRecord.Status.DONE and on > timezone.localdate():
        raise NotAllowed(
            "The date training was done cannot be in the future. If it is still to come, record it as booked."
        )
    record = TrainingRecord.objects.create(
        **_person_fields(person),
        entry=entry,
        status=status,
        completed_on=on,
        refresh_due_on=refresh_due(entry, on) if status == TrainingRecord.Status.DONE else None,
        recorded_by=by,
    )
    audit.record(
        "training.record_added", actor=by, service=person.service, target=person, entry=entry.key, status=status
    )
    return record


@transaction.atomic
def mark_done(person, record_id: int, done_on, *, by) -> TrainingRecord | None:
    """Booked training was done on `done_on`. None if the record is gone."""
    record = (
        TrainingRecord.objects.select_for_update(of=("self",))
        .filter(pk=record_id, **_person_fields(person))
        .select_related("entry")
        .first()
    )
    if record is None:
        return None
    if done_on > timezone.localdate():
        raise NotAllowed("The date training was done cannot be in the future.")
    record.status = TrainingRecord.Status.DONE
    record.completed_on = done_on
    record.refresh_due_on = refresh_due(record.entry, done_on)
    record.save(update_fields=["status", "completed_on", "refresh_due_on"])
    audit.record("training.record_done", actor=by, service=person.service, target=person, entry=record.entry.key)
    return record


@transaction.atomic
def remove_record(person, record_id: int, *, by) -> bool:
    """Remove one of the person's records. False if it was already gone."""
    record = TrainingRecord.objects.filter(pk=record_id, **_person_fields(person)).select_related("entry").first()
    if record is None:
        return False
    record.delete()
    audit.record("training.record_removed", actor=by, service=person.service, target=person, entry=record.entry.key)
    return True


# --- People without accounts --------------------------------------------------------


@transaction.atomic
def add_staff_member(service, *, name: str, job_role: str, by) -> StaffMember:
    name = " ".join(name.split())
    if not name:
        raise NotAllowed("Enter the person's name.")
    if job_role not in JOB_ROLES:
        raise NotAllowed("Choose one of the job roles.")
    person = StaffMember.objects.create(service=service, name=name, job_role=job_role, added_by=by)
    audit.record("training.staff_added", actor=by, service=service, target=person)
    return person


IMPORT_COLUMNS = ("name", "job_role")
IMPORT_MAX_ROWS = 1000
IMPORT_MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class ImportProblem:
    line: int  # the line of the file, counting the heading as line 1; 0 for the whole file
    column: str  # a column heading, or "" for the whole line or file
    message: str

    def __str__(self) -> str:
        where = f"Line {self.line}" if self.line else "The file"
        if self.column:
            where += f", column “{self.column}”"
        return f"{where}: {self.message}"


class ImportRefused(ValueError):
    """The file was not imported; `problems` says where and why. Nothing was saved."""

    def __init__(self, problems: list[ImportProblem]):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def _job_role_from(text: str) -> str | None:
    """A job role from its key or its label, ignoring case and spaces around it."""
    wanted = " ".join(text.split()).casefold()
    for key, label in JOB_ROLES.items():
        if wanted in (key.casefold(), label.casefold()):
            return key
    return None


def read_staff_csv(content: bytes) -> list[tuple[str, str]]:
    """(name, job role) from a CSV file, or ImportRefused listing every problem."""
    if len(content) > IMPORT_MAX_BYTES:
        raise ImportRefused([ImportProblem(0, "", "it is larger than 1 MB. Split it into smaller files.")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            [ImportProblem(0, "", "it is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.")]
        ) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportRefused([ImportProblem(0, "", f"it could not be read as CSV ({error}).")]) from None
    if not rows:
        raise ImportRefused([ImportProblem(0, "", "it is empty.")])
    heading = [cell.strip().casefold() for cell in rows[0]]
    missing = [column for column in IMPORT_COLUMNS if column not in heading]
    if missing:
        return _refuse([ImportProblem(1, column, "this heading is missing.") for column in missing])
    where = {column: heading.index(column) for column in IMPORT_COLUMNS}
    found: list[tuple[str, str]] = []
    problems: list[ImportProblem] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank lines are allowed
        cells = {column: row[index].strip() if index < len(row) else "" for column, index in where.items()}
        name = " ".join(cells["name"].split())
        if not name:
            problems.append(ImportProblem(number, "name", "the name is empty."))
        elif len(name) > 200:
            problems.append(ImportProblem(number, "name", "the name is longer than 200 characters."))
        role = _job_role_from(cells["job_role"])
        if not cells["job_role"]:
            problems.append(ImportProblem(number, "job_role", "the job role is empty."))
        elif role is None:
            problems.append(
                ImportProblem(
                    number,
                    "job_role",
                    f"“{cells['job_role'][:60]}” is not one of the job roles. Use one of: {', '.join(JOB_ROLES)}.",
                )
            )
        found.append((name, role or ""))
    if len(found) > IMPORT_MAX_ROWS:
        problems.insert(0, ImportProblem(0, "", f"it has more than {IMPORT_MAX_ROWS:,} people. Split it up."))
    if not found and not problems:
        problems.append(ImportProblem(0, "", "it has a heading but nobody in it."))
    return _refuse(problems) if problems else found


def _refuse(problems):
    raise ImportRefused(problems)


@transaction.atomic
def import_staff(service, content: bytes, *, by) -> list[StaffMember]:
    """Everyone in the file, or nobody: ImportRefused (and nothing saved) on any problem."""
    rows = read_staff_csv(content)
    made = StaffMember.objects.bulk_create(
        [StaffMember(service=service, name=name, job_role=role, added_by=by) for name, role in rows]
    )
    audit.record("training.staff_imported", actor=by, service=service, people=len(made))
    return made


# --- Coverage --------------------------------------------------------------------------
#
# "Trained at a level" means what it says: the person has done, and not let lapse,
# what the programme's latest training plan asks of their role at that level (its
# core lines). Where the plan asks nothing of the role at a level, or there is no
# plan yet, any training the service offers at that level counts. Booked training
# and training past its refresher date do not count; scaffolding sessions never do
# (they follow training, they do not replace it).


@dataclass(frozen=True)
class Coverage:
    level: PracticeLevel
    needed: int  # staff whose role needs this level or a higher one
    trained: int  # of them, those trained at this level (see above)

    @property
    def percent(self) -> float | None:
        return 100 * self.trained / self.needed if self.needed else None

    @property
    def is_gap(self) -> bool:
        return self.needed > 0 and self.trained * 100 < COVERAGE_TARGET * self.needed


@dataclass(frozen=True)
class CoverageReport:
    levels: list[Coverage]
    staff: int  # people in the register with a job role
    without_role: int  # active members with none recorded

    @property
    def gaps(self) -> list[Coverage]:
        return [row for row in self.levels if row.is_gap]


type Requirements = dict[tuple[str, str], frozenset[int]]  # (job role, level): catalogue entry ids


def _latest_plan_query(programme, user=None):
    from pathfinder.core.readahead import First

    return First(TrainingPlan.objects.filter(programme=programme))


# The page reads it for the programme the page reached through the user's memberships.
LATEST_PLAN = PageRead(
    key=lambda programme, user=None: ("training-latest-plan", programme.pk),
    queryset=_latest_plan_query,
    pages=frozenset({"dashboard", "progress"}),
)
register_page_read("training-latest-plan", LATEST_PLAN)


def latest_plan(programme):
    if programme is None:
        return None
    return LATEST_PLAN.read(programme, None)


def plan_requirements(plan) -> Requirements:
    """What the plan asks of each role at each level: its core lines' training."""
    if plan is None:
        return {}

    def read() -> Requirements:
        found: dict[tuple[str, str], set[int]] = {}
        for role, level, entry_id in PlanLine.objects.filter(plan=plan, kind=PlanLine.Kind.CORE).values_list(
            "job_role", "level", "entry_id"
        ):
            found.setdefault((role, level), set()).add(entry_id)
        return {key: frozenset(ids) for key, ids in found.items()}

    return dict(once(("training-plan-requirements", plan.pk, plan.version), read))


def role_needs(service, programme=None) -> tuple[dict[str, PracticeLevel], Requirements]:
    """What the service asks of each job role: the level it needs (as
    required_levels) and what the latest training plan of `programme` asks of
    it at each level (as plan_requirements of latest_plan). One query: the
    role map and the plan's core lines together."""

    def read() -> tuple[dict[str, PracticeLevel], Requirements]:
        text, number = CharField(), IntegerField()
        rows = RoleLevel.objects.filter(service=service).order_by()
        rows = rows.values_list(Value("role", output_field=text), "job_role", "level", Value(None, output_field=number))
        if programme is not None:
            latest = TrainingPlan.objects.filter(programme=programme).order_by("-created_at", "-id").values("pk")[:1]
            lines = PlanLine.objects.filter(plan=Subquery(latest), kind=PlanLine.Kind.CORE).order_by()
            lines = lines.values_list(Value("line", output_field=text), "job_role", "level", "entry_id")
            rows = rows.union(lines, all=True)
        levels = {role: DEFAULT_ROLE_LEVELS[role] for role in JOB_ROLES}
        found: dict[tuple[str, str], set[int]] = {}
        for kind, role, level, entry_id in rows.order_by():
            if kind == "role":
                if role in levels:
                    levels[role] = PracticeLevel(level)
            else:
                found.setdefault((role, level), set()).add(entry_id)
        return levels, {key: frozenset(ids) for key, ids in found.items()}

    key = ("training-role-needs", service.pk, programme.pk if programme is not None else None)
    levels, requirements = once(key, read)
    return dict(levels), dict(requirements)


def people_roles(service) -> tuple[dict[tuple[str, int], str], int]:
    """({("m", membership id) or ("s", staff member id): job role} for the
    people in the register with a job role, and how many active members the
    service has). One query: the members (with their job role if recorded)
    and the staff added by name, together."""

    def read() -> tuple[dict[tuple[str, int], str], int]:
        members = (
            staff_queryset(service)
            .order_by()
            .values_list(Value("m", output_field=CharField()), "pk", "workforce_profile__job_role")
        )
        staff = (
            StaffMember.objects.filter(service=service)
            .order_by()
            .values_list(Value("s", output_field=CharField()), "pk", "job_role")
        )
        roles: dict[tuple[str, int], str] = {}
        everyone = 0
        for kind, pk, role in members.union(staff, all=True).order_by():
            everyone += kind == "m"
            if role is not None:
                roles[(kind, pk)] = role
        return roles, everyone

    roles, everyone = once(("training-people", service.pk), read)
    return dict(roles), everyone


def done_records(service) -> list[tuple]:
    """Every done training record of the people in the register, as
    (membership id, staff id, entry id, entry level, entry active, entry
    scaffolding, completed on, refresh due on). One query."""

    def read() -> list[tuple]:
        members = staff_queryset(service)
        return list(
            TrainingRecord.objects.filter(entry__service=service, status=TrainingRecord.Status.DONE)
            .filter(Q(membership__in=members) | Q(staff__service=service))
            .values_list(
                "membership_id",
                "staff_id",
                "entry_id",
                "entry__level",
                "entry__active",
                "entry__scaffolding",
                "completed_on",
                "refresh_due_on",
            )
            # Nothing that reads these depends on their order: no ORDER BY
            # (the model's newest-first would make the database sort them all).
            .order_by()
        )

    return list(once(("training-done-records", service.pk), read))


def current_records(queryset, today=None):
    """Records that count: done, and not past their refresher date."""
    today = today or timezone.localdate()
    return queryset.filter(status=TrainingRecord.Status.DONE).filter(
        Q(refresh_due_on__isnull=True) | Q(refresh_due_on__gt=today)
    )


def levels_to_do(
    job_role: str, needs: PracticeLevel | None, done: set[tuple[int, str]], requirements: Requirements
) -> list[PracticeLevel]:
    """The levels, up to the one the role needs, the person is not trained at.
    `done`: (entry id, level) of their current records of offered, non-scaffolding
    training (and, for plan requirements, of any training the plan names)."""
    if needs is None:
        return []
    missing = []
    for level in PracticeLevel:
        if not needs.covers(level):
            continue
        asked = requirements.get((job_role, level.value))
        if asked:
            trained = asked <= {entry_id for entry_id, _ in done}
        else:
            trained = any(done_level == level.value for _, done_level in done)
        if not trained:
            missing.append(level)
    return missing


def counts_as_done(active: bool, scaffolding: bool) -> bool:
    """Whether a done record of a catalogue entry counts towards coverage: the
    entry is still offered and is not scaffolding."""
    return active and not scaffolding


def done_entries(rows) -> set[tuple[int, str]]:
    """From (entry id, level, active, scaffolding) rows: what counts as done."""
    return {(entry_id, level) for entry_id, level, active, scaffolding in rows if counts_as_done(active, scaffolding)}


def coverage(service, programme=None, today=None) -> CoverageReport:
    """For each level, among the people in the register whose job role needs
    that level or higher, how many are trained at it (see above), against the
    latest training plan of `programme` if given. Three queries, whatever the
    size (two while nobody in the register has a job role)."""
    today = today or timezone.localdate()
    required, requirements = role_needs(service, programme)
    roles, everyone = people_roles(service)
    done: dict[tuple, set[tuple[int, str]]] = {}
    # The records that count today: done (all of these are), not past their
    # refresher date. Nobody with a job role: no records to read.
    for membership_id, staff_id, entry_id, level, active, scaffolding, _, due in done_records(service) if roles else []:
        if (due is None or due > today) and counts_as_done(active, scaffolding):
            key = ("m", membership_id) if membership_id else ("s", staff_id)
            done.setdefault(key, set()).add((entry_id, level))
    # People with the same role and the same training have the same levels to
    # do (most often: none recorded yet), so each such group is worked out once.
    groups: dict[tuple[str, frozenset], int] = {}
    for key, role in roles.items():
        pair = (role, frozenset(done.get(key, ())))
        groups[pair] = groups.get(pair, 0) + 1
    needed = dict.fromkeys(PracticeLevel, 0)
    trained = dict.fromkeys(PracticeLevel, 0)
    for (role, entries), people in groups.items():
        needs = required.get(role, PracticeLevel.INFORMED)
        missing = levels_to_do(role, needs, set(entries), requirements)
        for level in PracticeLevel:
            if needs.covers(level):
                needed[level] += people
                trained[level] += 0 if level in missing else people
    levels = [Coverage(level, needed[level], trained[level]) for level in PracticeLevel]
    with_role = sum(1 for key in roles if key[0] == "m")
    return CoverageReport(levels=levels, staff=len(roles), without_role=everyone - with_role)


def coverage_gaps(service, programme=None) -> list[Coverage]:
    return coverage(service, programme).gaps


def gap_source_id(level: PracticeLevel) -> str:
    return f"coverage:{level.value}"


def gap_text(row: Coverage) -> str:
    return (
        f"Only {row.trained} of the {row.needed} staff whose roles need {row.level.label.lower()} practice are "
        f"trained at that level ({round(row.percent)}%). The service aims for at least {COVERAGE_TARGET}%."
    )


@transaction.atomic
def gap_finding(programme: Programme, level: PracticeLevel, *, by) -> tuple[Finding, bool]:
    """A coverage gap as a finding, once per level: (finding, made now?).
    NotAllowed if the level is not a gap (any more)."""
    # Lock the programme row so two people pressing the button at once make one finding.
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    source_id = gap_source_id(level)
    already = Finding.objects.filter(programme=programme, source_type=FINDING_SOURCE, source_id=source_id).first()
    if already is not None:
        return already, False
    row = next(row for row in coverage(programme.service, programme).levels if row.level is level)
    if not row.is_gap:
        raise NotAllowed(f"{level.label} training is not a gap now, so there is nothing to add.")
    finding = programme_services.add_finding(
        programme=programme,
        theme="skills",
        kind="gap",
        text=gap_text(row),
        by=by,
        source_type=FINDING_SOURCE,
        source_id=source_id,
        source_label="Training coverage",
    )
    audit.record(audit.Kind.FINDING_CREATED, actor=by, service=programme.service, target=finding, source="training")
    return finding, True


def findings_made(programme) -> set[str]:
    """The levels whose coverage gap is already a finding."""
    ids = Finding.objects.filter(programme=programme, source_type=FINDING_SOURCE).values_list("source_id", flat=True)
    return {source_id.split(":", 1)[1] for source_id in ids if source_id.startswith("coverage:")}
