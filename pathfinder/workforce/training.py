"""The training register: the role map, the service's catalogue, who has done
which training, coverage per practice level, and coverage gaps as findings.

The register is named on purpose, like any training register; plain counts of
it are fine. Nothing here reads the anonymous training needs analysis: that
happens only in plans.py, through the disclosure gate.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.core.models import Membership
from pathfinder.programmes import services as programme_services
from pathfinder.programmes.models import Finding, Programme
from pathfinder.workforce.models import CatalogueEntry, RoleLevel, TrainingRecord, WorkforceProfile
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
    levels = {role: DEFAULT_ROLE_LEVELS[role] for role in JOB_ROLES}
    levels.update(
        (role, PracticeLevel(level))
        for role, level in RoleLevel.objects.filter(service=service).values_list("job_role", "level")
        if role in levels
    )
    return levels


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
    for name in ENTRY_FIELDS:
        setattr(entry, name, values[name])
    save_if_current(entry, version, list(ENTRY_FIELDS))
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


@transaction.atomic
def add_record(membership, entry: CatalogueEntry, completed_on, *, by) -> TrainingRecord:
    if entry.service_id != membership.service_id:
        raise NotAllowed("That training is not in this service's catalogue.")
    if completed_on > timezone.localdate():
        raise NotAllowed("The date cannot be in the future.")
    record = TrainingRecord.objects.create(
        membership=membership, entry=entry, completed_on=completed_on, recorded_by=by
    )
    audit.record("training.record_added", actor=by, service=membership.service, target=membership, entry=entry.key)
    return record


@transaction.atomic
def remove_record(membership, record_id: int, *, by) -> bool:
    """Remove one of the person's records. False if it was already gone."""
    record = TrainingRecord.objects.filter(membership=membership, pk=record_id).select_related("entry").first()
    if record is None:
        return False
    record.delete()
    audit.record(
        "training.record_removed", actor=by, service=membership.service, target=membership, entry=record.entry.key
    )
    return True


# --- Coverage --------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    level: PracticeLevel
    needed: int  # staff whose role needs this level or a higher one
    trained: int  # of them, those with a record of training at this level

    @property
    def percent(self) -> float | None:
        return 100 * self.trained / self.needed if self.needed else None

    @property
    def is_gap(self) -> bool:
        return self.needed > 0 and self.trained * 100 < COVERAGE_TARGET * self.needed


@dataclass(frozen=True)
class CoverageReport:
    levels: list[Coverage]
    staff: int  # active members with a job role
    without_role: int  # active members with none recorded

    @property
    def gaps(self) -> list[Coverage]:
        return [row for row in self.levels if row.is_gap]


def coverage(service) -> CoverageReport:
    """For each level, among staff whose job role needs that level or higher,
    how many have done training at that level. Counted from the register:
    training the service still offers, not scaffolding sessions (they follow
    training, they do not replace it). Four queries, whatever the size."""
    required = required_levels(service)
    members = staff_queryset(service)
    roles = dict(WorkforceProfile.objects.filter(membership__in=members).values_list("membership_id", "job_role"))
    done: dict[int, set[str]] = {}
    for membership_id, level in (
        TrainingRecord.objects.filter(membership__in=members, entry__active=True, entry__scaffolding=False)
        .values_list("membership_id", "entry__level")
        .distinct()
    ):
        done.setdefault(membership_id, set()).add(level)
    everyone = members.count()
    levels = []
    for level in PracticeLevel:
        needing = [pk for pk, role in roles.items() if required.get(role, PracticeLevel.INFORMED).covers(level)]
        levels.append(Coverage(level, len(needing), sum(1 for pk in needing if level.value in done.get(pk, set()))))
    return CoverageReport(levels=levels, staff=len(roles), without_role=everyone - len(roles))


def coverage_gaps(service) -> list[Coverage]:
    return coverage(service).gaps


def gap_source_id(level: PracticeLevel) -> str:
    return f"coverage:{level.value}"


def gap_text(row: Coverage) -> str:
    return (
        f"Only {row.trained} of the {row.needed} staff whose roles need {row.level.label.lower()} practice have "
        f"done training at that level ({round(row.percent)}%). The service aims for at least {COVERAGE_TARGET}%."
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
    row = next(row for row in coverage(programme.service).levels if row.level is level)
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
