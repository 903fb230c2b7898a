"""Anonymous surveys. The reasoning is written out in docs/privacy.md.

Three tables, and nothing stored joins a person to what they said:

- Participant: who was given a code (a keyed hash of it), for reminders.
  Answering never writes to it, so its rows carry no trace of who has answered
  or when.
- SpentCode: a mark that one invitation has been used, keyed with a secret
  from the environment. Only the application, holding the keys, can tell
  which invitation a mark belongs to, and it needs that only to remind the
  people who have not answered.
- Response: the answers, encrypted with a key from the environment, without a
  date and without a time (AES-GCM, not Fernet, whose tokens carry the time
  they were made). Ids are random.
"""

import json
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core import crypto
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
    # The day reminders last went out: kept for the survey, never per person.
    reminded_on = models.DateField(null=True, blank=True)
    archived = models.BooleanField(default=False)
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
    """Someone given a single-use code: by email (user set) or on paper (no
    user). Only a keyed hash of the current code is kept; no dates, and nothing
    here changes when the code is used (see SpentCode)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    code_hash = models.CharField(max_length=64, unique=True)

    service_path = "survey__programme__service"

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Participant in {self.survey}"


class SpentCode(models.Model):
    """One invitation has been used. `token` is an HMAC of the survey and the
    participant under a key from the environment (core.crypto.keyed_digests):
    without the keys it cannot be matched to a participant."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="spent_codes")
    token = models.CharField(max_length=64)

    service_path = "survey__programme__service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "token"], name="one_use_per_invitation")]

    def __str__(self) -> str:
        return f"A used invitation to {self.survey}"


class Response(models.Model):
    """One person's answers. Deliberately bare: see the module docstring.

    `answers` holds the encrypted JSON; read it through `answer_set()`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    answers = models.TextField()

    service_path = "survey__programme__service"

    class Meta:
        ordering = ["id"]  # random, so listing order says nothing about who answered when

    def __str__(self) -> str:
        return f"A response to {self.survey}"

    @staticmethod
    def context(survey_id: int) -> bytes:
        return f"survey-response:{survey_id}".encode()

    @classmethod
    def sealed(cls, survey, answers: dict) -> "Response":
        text = json.dumps(answers, sort_keys=True, ensure_ascii=False)
        return cls(survey=survey, answers=crypto.encrypt_undated(text, context=cls.context(survey.pk)))

    def answer_set(self) -> dict:
        return json.loads(crypto.decrypt_undated(self.answers, context=self.context(self.survey_id)))
