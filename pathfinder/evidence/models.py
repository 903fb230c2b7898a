"""Evidence of change: MAT standard ratings and the actions that serve a standard.

Ratings are append-only: rating a standard again adds a new rating, so the
history is the record and two people rating at once cannot overwrite each
other (no version field is needed)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from pathfinder.evidence.mat import STANDARD_CHOICES, Rating


class MatStandardRating(models.Model):
    service_path = "programme__service"

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="mat_ratings")
    standard = models.PositiveSmallIntegerField(choices=STANDARD_CHOICES)
    rated_on = models.DateField()
    rating = models.CharField(max_length=20, choices=Rating.choices)
    # Evidence is described in words; attaching files is not offered yet.
    process_evidence = models.TextField(blank=True)
    numerical_evidence = models.TextField(blank=True)
    experiential_evidence = models.TextField(blank=True)
    reason = models.TextField()
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-rated_on", "-created_at", "-id"]
        indexes = [models.Index(fields=["programme", "standard", "rated_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(process_evidence="", numerical_evidence="", experiential_evidence=""),
                name="mat_rating_has_evidence",
            ),
            models.CheckConstraint(condition=Q(standard__gte=1, standard__lte=10), name="mat_rating_standard_1_to_10"),
        ]

    def __str__(self) -> str:
        return f"Standard {self.standard}: {self.get_rating_display()} on {self.rated_on}"


class MatStandardAction(models.Model):
    """An action in the plan that serves a standard. The action is referred to
    by its id, not a foreign key: evidence does not import the plan's models
    (dependencies point one way); the plan lists its actions through the
    programmes registry."""

    service_path = "programme__service"

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="mat_actions")
    standard = models.PositiveSmallIntegerField(choices=STANDARD_CHOICES)
    action_id = models.PositiveIntegerField()
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["standard", "id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "standard", "action_id"], name="mat_action_once_per_standard")
        ]

    def __str__(self) -> str:
        return f"Standard {self.standard}: action {self.action_id}"


from pathfinder.evidence.models_language import (  # noqa: E402, F401  the language audit's models
    AuditDocument,
    LanguageAudit,
    LanguageLexicon,
    PendingUpload,
)
