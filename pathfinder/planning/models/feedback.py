"""'You said, we did': what people told the service, and what it did."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding, Programme


class FeedbackItem(models.Model):
    class Source(models.TextChoices):
        STAFF = "staff", "Staff"
        PEOPLE = "people", "People using the service"
        PARTNER = "partner", "Partners"
        SUGGESTION_BOX = "suggestion_box", "Suggestion box"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        NEW = "new", "Not answered yet"
        ACTING = "acting", "We are acting on it"
        DONE = "done", "Done"
        NOT_NOW = "not_now", "We cannot do this now"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="feedback_items")
    source = models.CharField(max_length=20, choices=Source.choices)
    received_on = models.DateField(default=timezone.localdate)
    said = models.TextField(max_length=600)
    theme = models.CharField(max_length=30, choices=Theme.choices, blank=True)
    response = models.TextField(max_length=1000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    action = models.ForeignKey(
        "planning.Action", on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback_items"
    )
    finding = models.ForeignKey(Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    published = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return self.said[:60]
