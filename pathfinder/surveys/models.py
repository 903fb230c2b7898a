"""Anonymous surveys.

Who was invited, and whether they have responded, lives in Participant.
What people answered lives in Response. The two share nothing: no key, no
code, no user, no time finer than the day, and Response ids are random, so
the database alone cannot say which answers came from whom or in what order.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.programmes.models import Programme


class Survey(models.Model):
    class Kind(models.TextChoices):
        TNA = "tna", "Training needs analysis"
        WELLBEING = "wellbeing", "Staff wellbeing pulse"
        LICENSED = "licensed", "Validated measure (your licence)"
        OTHER = "other", "Other survey"

    class Distribution(models.TextChoices):
        CODES = "codes", "Single-use codes (one per person)"
        LINK = "link", "A link anyone in the team can use"

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="surveys")
    instrument_version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="surveys")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    distribution = models.CharField(max_length=10, choices=Distribution.choices, default=Distribution.CODES)
    opens_on = models.DateField()
    closes_on = models.DateField()
    closed_early_on = models.DateField(null=True, blank=True)
    # Optional items of the instrument that this survey asks (others are left out).
    included_optional = models.JSONField(default=list, blank=True)
    link_token = models.CharField(max_length=32, unique=True)
    # Set once the survey is closed and its rows have been rewritten in a
    # random order (see services.seal): only then are results shown.
    sealed = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def last_day(self):
        return self.closed_early_on or self.closes_on

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_early_on is None and self.opens_on <= today <= self.closes_on

    def has_closed(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_early_on is not None or today > self.closes_on


class Participant(models.Model):
    """Someone invited with a single-use code: whether they have responded,
    never what they said. Only a keyed hash of the code is kept."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(blank=True)
    code_hash = models.CharField(max_length=64, unique=True)
    invited_on = models.DateField(default=timezone.localdate)
    reminded_on = models.DateField(null=True, blank=True)
    responded = models.BooleanField(default=False)

    service_path = "survey__programme__service"

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Participant in {self.survey}"


class Response(models.Model):
    """One person's answers. Deliberately bare: see the module docstring."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    answers = models.JSONField()
    submitted_on = models.DateField(default=timezone.localdate)

    service_path = "survey__programme__service"

    class Meta:
        ordering = ["id"]  # random, so listing order says nothing about who answered when

    def __str__(self) -> str:
        return f"A response to {self.survey}"
