"""Organisational assessment rounds: named raters answer on their own first, the lead
agrees a score per item with the group, and closed rounds chart progress."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.programmes.models import Programme


class AssessmentRound(models.Model):
    class Kind(models.TextChoices):
        BASELINE = "baseline", "Baseline"
        FOLLOW_UP = "follow_up", "Follow-up"

    class Status(models.TextChoices):
        OPEN = "open", "Open for ratings"
        CONSENSUS = "consensus", "Agreeing scores"
        CLOSED = "closed", "Closed"

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="assessment_rounds")
    instrument_version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="rounds")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    rate_by = models.DateField(null=True, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Rater(models.Model):
    """Someone asked to rate. Their answers stay with the round even if they
    later leave the service (the user row is protected, never deleted)."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="raters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessment_raters")
    added_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The theme they were last on, so "Carry on rating" brings them back to it
    # ("" = not started; CHECK = every theme saved, ready to check and submit).
    resume_at = models.CharField(max_length=60, blank=True)
    # E-mails: the invitation when the round opens, one reminder before it
    # closes. Each is claimed before it is sent, so it goes once.
    invited_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    CHECK = "check"

    service_path = "round__programme__service"

    class Meta:
        ordering = ["user__full_name"]
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_rater_row_per_person")]

    def __str__(self) -> str:
        return f"{self.user} rating {self.round}"


class Rating(models.Model):
    """One rater's answer to one item. `value` None means "don't know"."""

    rater = models.ForeignKey(Rater, on_delete=models.CASCADE, related_name="ratings")
    item_code = models.CharField(max_length=120)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    evidence = models.TextField(blank=True, max_length=2000)
    updated_at = models.DateTimeField(default=timezone.now)

    service_path = "rater__round__programme__service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["rater", "item_code"], name="one_rating_per_item")]

    def __str__(self) -> str:
        return f"{self.item_code}: {self.value}"


class AgreedScore(models.Model):
    """The score the group agreed for an item in the consensus session.
    `value` None means the group agreed it could not score it."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="agreed_scores")
    item_code = models.CharField(max_length=120)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    rationale = models.TextField(blank=True, max_length=2000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "round__programme__service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "item_code"], name="one_agreed_score_per_item")]

    def __str__(self) -> str:
        return f"{self.item_code}: {self.value}"
