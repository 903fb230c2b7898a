"""Familiarisation interviews: who took part (by role and time in the work, a
name only if wanted), consent, notes per question area of the guide version
used, and the facilitators and barriers heard, each of which can become a
finding once."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding, Programme

NOTE_MAX_LENGTH = 5000
TAG_MAX_LENGTH = 500


class Interview(models.Model):
    class Format(models.TextChoices):
        INDIVIDUAL = "individual", "One person"
        GROUP = "group", "A group"

    class Audience(models.TextChoices):
        STAFF = "staff", "Staff of the service"
        PARTNER = "partner", "A partner organisation"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="interviews")
    guide = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="+")
    format = models.CharField(max_length=20, choices=Format.choices)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    held_on = models.DateField()
    # Consent is asked and recorded before any note can be written.
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    may_record = models.BooleanField(default=False)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Interview on {self.held_on:%-d %B %Y}"

    @property
    def has_consent(self) -> bool:
        return self.consent_recorded_at is not None and self.consent_withdrawn_at is None


class InterviewParticipant(models.Model):
    class Tenure(models.TextChoices):
        UNDER_ONE = "under_1", "Less than a year"
        ONE_TO_FIVE = "1_5", "1 to 5 years"
        SIX_TO_TEN = "6_10", "6 to 10 years"
        OVER_TEN = "over_10", "More than 10 years"
        NOT_ASKED = "not_asked", "Not asked"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(max_length=100)
    tenure = models.CharField(max_length=20, choices=Tenure.choices, default=Tenure.NOT_ASKED)
    # Optional, shown only on the interview's own page, never in a summary or export.
    name = models.CharField(max_length=150, blank=True)

    service_path = "interview__programme__service"

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.role


class InterviewNote(models.Model):
    """What was said in one question area (a section key of the guide version used)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="notes")
    area = models.CharField(max_length=80)
    text = models.TextField(max_length=NOTE_MAX_LENGTH, blank=True)

    service_path = "interview__programme__service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["interview", "area"], name="one_note_per_area")]

    def __str__(self) -> str:
        return self.area


class InterviewTag(models.Model):
    """Something that helps or gets in the way, tagged by theme and principle."""

    class Kind(models.TextChoices):
        FACILITATOR = "facilitator", "Helps (facilitator)"
        BARRIER = "barrier", "Gets in the way (barrier)"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    theme = models.CharField(max_length=30, choices=Theme.choices)
    principles = models.JSONField(default=list, blank=True)
    text = models.TextField(max_length=TAG_MAX_LENGTH)
    # Made into a finding at most once.
    finding = models.OneToOneField(
        Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="interview_tag"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "interview__programme__service"

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]
