from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from pathfinder.programmes.models import Programme


class LearningReport(models.Model):
    """One version of a programme's learning report, in the shape of the
    pathfinders' report: for each theme, challenges, enablers and
    recommendations. A draft is drawn from the programme's records and is the
    lead's to reword; publishing freezes it. There is at most one draft."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="learning_reports")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(max_length=200)
    introduction = models.TextField(max_length=6000, blank=True)
    # {theme value: {"challenges": str, "enablers": str, "recommendations": str}}
    sections = models.JSONField(default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="learning_report_number_once"),
            models.UniqueConstraint(
                fields=["programme"], condition=Q(status="draft"), name="learning_report_one_draft"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT
