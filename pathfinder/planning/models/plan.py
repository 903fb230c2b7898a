"""The implementation plan: its settings, funding sources, actions and their
append-only history, what happened to each finding, and calendar feeds."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from pathfinder.core.models import Membership
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding, Programme

PLAN_YEARS = 3  # the report's three-year implementation plan


class Plan(models.Model):
    """A programme's plan settings. Until the lead changes them, a plan starts
    when the programme did and runs for three years (see services.plan_for)."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="plan")
    starts_on = models.DateField()
    years = models.PositiveSmallIntegerField(default=PLAN_YEARS)
    expected_savings = models.TextField(max_length=4000, blank=True)
    # What an hour of staff time costs, set by the lead, so the budget can put
    # staff time in money as well as hours. 0 until the lead sets it.
    staff_hourly_rate = models.DecimalField(
        max_digits=7, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    def __str__(self) -> str:
        return f"Plan for {self.programme}"


class FundingSource(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="funding_sources")
    name = models.CharField(max_length=120)
    notes = models.CharField(max_length=300, blank=True)
    # How much the source provides for the plan; empty when not known yet.
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "programme__service"

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="funding_source_unique_name")]

    def __str__(self) -> str:
        return self.name


class Action(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        BLOCKED = "blocked", "Blocked"

    class Priority(models.TextChoices):
        HIGH = "high", "High"
        MEDIUM = "medium", "Medium"
        LOW = "low", "Low"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=4000, blank=True)
    theme = models.CharField(max_length=30, choices=Theme.choices)
    owner = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="planning_actions"
    )
    starts_on = models.DateField(null=True, blank=True)
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    blocked_reason = models.TextField(max_length=1000, blank=True)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    findings = models.ManyToManyField(Finding, blank=True, related_name="plan_actions")
    activity = models.ForeignKey(
        "planning.ToCNode", on_delete=models.SET_NULL, null=True, blank=True, related_name="activity_actions"
    )
    outcome = models.ForeignKey(
        "planning.ToCNode", on_delete=models.SET_NULL, null=True, blank=True, related_name="outcome_actions"
    )
    direct_cost = models.DecimalField(
        max_digits=10, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    staff_hours = models.DecimalField(
        max_digits=8, decimal_places=1, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    indirect_notes = models.TextField(max_length=2000, blank=True)
    funding_source = models.ForeignKey(
        FundingSource, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    decision_needed = models.TextField(max_length=1000, blank=True)
    # The recommendation it was started from, if any (see recommendations.yaml).
    suggestion_key = models.CharField(max_length=60, blank=True)
    raised_at = models.ForeignKey(
        "planning.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="actions_raised"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["programme", "due_on"], name="action_programme_due"),
            models.Index(fields=["programme", "theme"], name="action_programme_theme"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(direct_cost__gte=0), name="action_cost_not_negative"),
            models.CheckConstraint(condition=Q(staff_hours__gte=0), name="action_hours_not_negative"),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(due_on__gte=F("starts_on")), name="action_due_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def owner_has_left(self) -> bool:
        """True when the owner's membership (or account) has ended."""
        return self.owner is not None and not (self.owner.is_active and self.owner.user.is_active)

    def is_overdue(self, today) -> bool:
        return not self.is_done and self.due_on < today


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The history of an action cannot be changed.")

    def delete(self):
        raise TypeError("The history of an action cannot be deleted.")


class ActionUpdate(models.Model):
    """One entry in an action's history: never changed or removed once written."""

    class Kind(models.TextChoices):
        CREATED = "created", "Added to the plan"
        UPDATE = "update", "Progress update"
        EDIT = "edit", "Details changed"
        REVIEWED = "reviewed", "Reviewed at a group meeting"
        DECISION = "decision", "Decision from senior management"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField(max_length=2000, blank=True)
    status_before = models.CharField(max_length=20, choices=Action.Status.choices, blank=True)
    status_after = models.CharField(max_length=20, choices=Action.Status.choices, blank=True)
    # [[what changed, before, after], …] in plain words, for edits.
    changes = models.JSONField(default=list, blank=True)
    # The action's version once this entry was written: a stale edit shows the
    # entries made after the version the person opened.
    version = models.PositiveIntegerField()
    meeting = models.ForeignKey("planning.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = AppendOnlyQuerySet.as_manager()
    service_path = "action__programme__service"

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The history of an action cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The history of an action cannot be deleted.")

    @property
    def status_changed(self) -> bool:
        return bool(self.status_after) and self.status_after != self.status_before

    @property
    def status_line(self) -> bool:
        """Whether the history shows a separate 'Status: before → after' line:
        an edit already lists the status among its changes, and a new action
        has no 'before'."""
        return self.status_changed and self.kind not in {self.Kind.CREATED, self.Kind.EDIT}


class FindingDecision(models.Model):
    """A finding the group decided not to act on, and why. A finding with no
    decision is new, or answered once an action cites it."""

    finding = models.OneToOneField(Finding, on_delete=models.CASCADE, related_name="plan_decision")
    set_aside_reason = models.TextField(max_length=1000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    service_path = "finding__programme__service"

    def __str__(self) -> str:
        return f"Set aside: {self.finding}"


class ProgressReport(models.Model):
    """A progress report downloaded for senior management: 'since the last
    report' starts from the latest one made on an earlier day."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="progress_reports")
    generated_at = models.DateTimeField(default=timezone.now)
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    format = models.CharField(max_length=10)
    # A senior manager's sign-off of this version of the report: once given,
    # it stays (see services.actions.sign_off).
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    sign_off_note = models.TextField(max_length=1000, blank=True)

    service_path = "programme__service"

    class Meta:
        ordering = ["-generated_at", "-id"]

    def __str__(self) -> str:
        return f"Progress report {self.generated_at:%Y-%m-%d}"

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None


class Decision(models.Model):
    """Senior management's answer to a decision the plan needs: one asked on an
    action, or one line of a group meeting's 'decisions needed'. `needed` keeps
    the question as it was asked, so a new question is not taken as answered."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="decisions")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, null=True, blank=True, related_name="answers")
    meeting = models.ForeignKey(
        "planning.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    needed = models.TextField(max_length=1000)
    decision = models.TextField(max_length=2000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    service_path = "programme__service"

    class Meta:
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__isnull=False, meeting__isnull=True) | Q(action__isnull=True, meeting__isnull=False),
                name="decision_answers_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"Decision: {self.needed[:40]}"


class CalendarFeed(models.Model):
    """A secret calendar address for one person's due dates. Only a hash of the
    token is kept; revoking sets revoked_at and the address stops working."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planning_feeds")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Calendar feed for {self.user}"
