"""Two things live here: a person's own wellbeing plan, and the service's
training register and plans (practice levels, catalogue, records, plans).

A person's own wellbeing plan, kept encrypted at rest.

The plan belongs to a person, not a service, so it follows them between services.
Only its owner ever sees it: no page, export, audit event or log shows its words
to anyone else. Each section is stored as ciphertext (pathfinder.core.crypto) and
read through a property of the same name without the `_encrypted` suffix.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from pathfinder.core import crypto
from pathfinder.core.models import Membership, Service
from pathfinder.programmes.models import Programme
from pathfinder.surveys.models import Survey
from pathfinder.workforce.practice_levels import JOB_ROLES, LearningFormat, PracticeLevel


@dataclass(frozen=True)
class PlanSection:
    name: str
    title: str
    hint: str


# The sections of a plan, in the order they are shown, in the person's own voice.
PLAN_SECTIONS = (
    PlanSection(
        "what_keeps_me_well",
        "What keeps me well at work",
        "Things that help you feel well and able to do your job, at work and outside it. For example: "
        "a proper lunch break, a walk between appointments, talking things over with a colleague, "
        "time with family or friends, exercise or sleep.",
    ),
    PlanSection(
        "early_signs",
        "Signs that I might be struggling",
        "What you, or people who know you, might notice first. For example: sleeping badly, feeling on edge "
        "or tearful, keeping away from colleagues, finding it hard to switch off, or working later and later.",
    ),
    PlanSection(
        "what_helps",
        "What helps when things are hard",
        "What you can do for yourself, and what others could do to help. For example: a short break after "
        "a difficult conversation, a check-in with your manager, time in supervision, or a lighter "
        "workload for a while.",
    ),
    PlanSection(
        "who_to_contact",
        "Who I can talk to",
        "People and services you can turn to, at work and outside it. For example: a colleague you trust, "
        "your manager, occupational health, your GP, a friend or someone in your family.",
    ),
)
SECTIONS = tuple(section.name for section in PLAN_SECTIONS)
SECTION_MAX_LENGTH = 2000


class EncryptedText:
    """The plain text of the `<name>_encrypted` column: decrypted when read,
    encrypted when set. An empty column (a plan never saved) reads as ""."""

    def __set_name__(self, owner, name: str) -> None:
        self.column = f"{name}_encrypted"

    def __get__(self, plan, owner=None):
        if plan is None:
            return self
        token = getattr(plan, self.column)
        return crypto.decrypt(token) if token else ""

    def __set__(self, plan, text: str) -> None:
        # Empty sections are encrypted too, so the database does not show which are filled in.
        setattr(plan, self.column, crypto.encrypt(text))


class WellbeingPlan(models.Model):
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wellbeing_plan")
    what_keeps_me_well_encrypted = models.TextField(blank=True, editable=False)
    early_signs_encrypted = models.TextField(blank=True, editable=False)
    what_helps_encrypted = models.TextField(blank=True, editable=False)
    who_to_contact_encrypted = models.TextField(blank=True, editable=False)
    # To the day: when someone worked on their plan is their business too.
    updated_on = models.DateField(default=timezone.localdate)
    version = models.PositiveIntegerField(default=1)

    what_keeps_me_well = EncryptedText()
    early_signs = EncryptedText()
    what_helps = EncryptedText()
    who_to_contact = EncryptedText()

    def __str__(self) -> str:
        return "Wellbeing plan"

    @property
    def texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SECTIONS}

    @property
    def is_empty(self) -> bool:
        return not any(text.strip() for text in self.texts.values())


ENCRYPTED_COLUMNS = [f"{name}_encrypted" for name in SECTIONS]


# --- Training: practice levels, catalogue, register and plans ------------------------
#
# The training register is named on purpose: it is the service's record of who has
# done which training, like any training register. It never holds anything from the
# anonymous training needs analysis; a plan keeps only figures the disclosure gate
# released, written into its notes.

JOB_ROLE_CHOICES = list(JOB_ROLES.items())
LEVEL_CHOICES = PracticeLevel.choices()
FORMAT_CHOICES = [(item.value, item.label) for item in LearningFormat]


class RoleLevel(models.Model):
    """The practice level a service asks of everyone in one job role."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    job_role = models.CharField(max_length=20, choices=JOB_ROLE_CHOICES)
    level = models.CharField(max_length=20, choices=LEVEL_CHOICES)
    version = models.PositiveIntegerField(default=1)

    service_path = "service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "job_role"], name="one_level_per_job_role")]

    def __str__(self) -> str:
        return f"{self.get_job_role_display()}: {self.get_level_display()}"

    @property
    def practice_level(self) -> PracticeLevel:
        return PracticeLevel(self.level)


class CatalogueEntry(models.Model):
    """One piece of learning in a service's own copy of the training catalogue.

    Seeded from catalogue.yaml (matched by `key`); the service can change any
    entry, stop offering it (`active`) or add its own. Entries are never
    deleted, so training records and plans keep pointing at what was done."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    key = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    provider = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=LEVEL_CHOICES)
    format = models.CharField(max_length=20, choices=FORMAT_CHOICES)
    duration_minutes = models.PositiveIntegerField()
    description = models.TextField(max_length=1000)
    url = models.URLField(blank=True)
    induction = models.BooleanField(default=False)
    scaffolding = models.BooleanField(default=False)
    # Job roles it is meant for; empty: everyone whose role needs its level.
    roles = models.JSONField(default=list, blank=True)
    # Months after which a refresher is needed; empty: it does not expire.
    refresh_months = models.PositiveSmallIntegerField(null=True, blank=True)
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    service_path = "service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "key"], name="catalogue_key_unique_in_service")]

    def __str__(self) -> str:
        return self.title

    @property
    def practice_level(self) -> PracticeLevel:
        return PracticeLevel(self.level)

    def is_for(self, job_role: str) -> bool:
        return not self.roles or job_role in self.roles


class WorkforceProfile(models.Model):
    """A member of the service as a member of staff: the job role that sets
    which practice level their training should reach."""

    membership = models.OneToOneField(Membership, on_delete=models.CASCADE, related_name="workforce_profile")
    job_role = models.CharField(max_length=20, choices=JOB_ROLE_CHOICES)
    version = models.PositiveIntegerField(default=1)

    service_path = "membership__service"

    def __str__(self) -> str:
        return self.get_job_role_display()


class StaffMember(models.Model):
    """Someone in the training register who has no Pathfinder account: a name
    and a job role, nothing more."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    job_role = models.CharField(max_length=20, choices=JOB_ROLE_CHOICES)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "service"

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class TrainingRecord(models.Model):
    """Someone's training: booked for a day, or done on a day. Done training
    with a refresher period needs a refresher by `refresh_due_on`.

    The person is either a member of the service (`membership`) or someone in
    the register without an account (`staff`), never both."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        DONE = "done", "Done"

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, null=True, blank=True, related_name="training_records"
    )
    staff = models.ForeignKey(StaffMember, on_delete=models.CASCADE, null=True, blank=True, related_name="records")
    entry = models.ForeignKey(CatalogueEntry, on_delete=models.PROTECT, related_name="records")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DONE)
    # Done: the day it was done. Booked: the day it is booked for.
    completed_on = models.DateField()
    refresh_due_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    service_path = "entry__service"

    class Meta:
        ordering = ["-completed_on", "-id"]
        indexes = [
            models.Index(fields=["membership", "entry"], name="training_record_person_entry"),
            models.Index(fields=["staff", "entry"], name="training_record_staff_entry"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(membership__isnull=False, staff__isnull=True)
                | models.Q(membership__isnull=True, staff__isnull=False),
                name="training_record_one_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry} on {self.completed_on}"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    def is_current(self, today) -> bool:
        """Done, and not past its refresher date."""
        return self.is_done and (self.refresh_due_on is None or self.refresh_due_on > today)


class TrainingPlan(models.Model):
    """A draft training plan for a programme, per job role and practice level.

    `reasoning` maps each job role to the sentences that explain its part of
    the plan (its required level and, if a survey was used, what the survey's
    released figures said), so a reader sees why each line is there."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="training_plans")
    # The training needs analysis it was drafted from; its notes keep the survey's name and date if it goes.
    source_survey = models.ForeignKey(Survey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    reasoning = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class PlanLine(models.Model):
    class Kind(models.TextChoices):
        CORE = "core", "Training for everyone in the role"
        INDUCTION = "induction", "Induction pack for new starters"
        SCAFFOLDING = "scaffolding", "Scaffolding: putting training into practice"

    class Priority(models.TextChoices):
        HIGH = "high", "High priority"
        NORMAL = "normal", "Normal priority"

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="lines")
    job_role = models.CharField(max_length=20, choices=JOB_ROLE_CHOICES)
    # The entry's level when the line was added, so the plan keeps its shape if the entry changes.
    level = models.CharField(max_length=20, choices=LEVEL_CHOICES)
    entry = models.ForeignKey(CatalogueEntry, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    note = models.TextField(max_length=500, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)
    cost = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)])
    owner = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The implementation-plan action this line became, if it did.
    action = models.ForeignKey("planning.Action", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    service_path = "plan__programme__service"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "job_role", "entry", "kind"], name="plan_line_once_per_role_and_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_job_role_display()}: {self.entry}"
