"""A service's programme: its phases, and the findings every tool produces."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core.models import Service
from pathfinder.programmes.domain import Phase, Principle, Theme


class Programme(models.Model):
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="programmes")
    name = models.CharField(max_length=200, default="Trauma-informed practice programme")
    started_on = models.DateField(default=timezone.localdate)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "service"

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return self.name


class ProgrammePhase(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="phases")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "phase"], name="one_row_per_phase")]

    def __str__(self) -> str:
        return self.get_phase_display()

    @property
    def order(self) -> int:
        return list(Phase.values).index(self.phase)


class FindingQuerySet(models.QuerySet):
    def with_principle(self, principle: str) -> "FindingQuerySet":
        """Findings tagged with `principle` (among others). The principle
        values are plain words, none inside another, so matching the quoted
        word in the stored list works on SQLite and PostgreSQL alike."""
        if principle not in Principle.values:
            return self.none()
        return self.filter(principles__icontains=f'"{principle}"')


class Finding(models.Model):
    """Something a tool (or a person) noticed, ready to be answered by the plan.

    Its source is a registered source type (see registry.py), the id of the
    thing within that tool and a label, never a foreign key to a tool's model,
    so programmes imports no tool. It can be edited by whoever made it until
    an action answers it (see services.edit_finding)."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        BARRIER = "barrier", "Barrier"
        GAP = "gap", "Gap"
        PRIORITY = "priority", "Priority"
        IDEA = "idea", "Idea"
        FEEDBACK = "feedback", "Feedback"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="findings")
    theme = models.CharField(max_length=30, choices=Theme.choices)
    # Every principle it was tagged with, in the method's order.
    principles = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(max_length=2000)
    # Where it came from: a registered source type (see findings_sources.py),
    # the id of the thing within that tool, and a label to show.
    source_type = models.CharField(max_length=40, default="manual")
    source_id = models.CharField(max_length=60, blank=True)
    source_label = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = FindingQuerySet.as_manager()

    service_path = "programme__service"

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["programme", "theme"], name="finding_programme_theme")]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def principle_labels(self) -> list[str]:
        return [Principle(value).label for value in Principle.values if value in self.principles]
