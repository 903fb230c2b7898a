"""Outcome and screening measures a service records per person and date.

People are known here only by a keyed digest of the reference staff type (see
services.person_digests): the reference itself is never stored, so a copy of
the database identifies no one. Results leave only as aggregates, through the
disclosure gate; `Release` keeps which records each shown figure was worked
out from, so a later figure cannot be compared with it to single anyone out.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core.models import Service
from pathfinder.instruments.models import Instrument, InstrumentVersion


class Measure(models.Model):
    """A measure a service uses: an instrument it loaded, and which way is better."""

    class Better(models.TextChoices):
        HIGHER = "higher", "Higher scores are better"
        LOWER = "lower", "Lower scores are better"

    service_path = "service"

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="measures")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    better = models.CharField(max_length=10, choices=Better.choices, default=Better.HIGHER)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["instrument__name"]
        constraints = [models.UniqueConstraint(fields=["service", "instrument"], name="one_measure_per_instrument")]

    def __str__(self) -> str:
        return self.instrument.name

    @property
    def latest_version(self) -> InstrumentVersion:
        """The newest version (prefetch `instrument__versions` to save a query)."""
        return max(self.instrument.versions.all(), key=lambda version: version.version)


class Person(models.Model):
    """Someone measures are recorded for, known only by a keyed digest."""

    service_path = "service"

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "digest"], name="one_person_per_digest")]

    def __str__(self) -> str:
        return f"Person {self.pk}"  # never the reference, which is not stored


class Record(models.Model):
    """One person's answers to a measure on a date, with their scores."""

    service_path = "measure__service"

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="records")
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="records")
    recorded_on = models.DateField()
    answers = models.JSONField()
    # {"overall": 3.5, "section:feeling": 4.0, "subscale:name": 2.0}
    scores = models.JSONField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "person", "recorded_on"], name="one_record_per_person_and_day")
        ]

    def __str__(self) -> str:
        return f"Record {self.pk} of measure {self.measure_id}"


class Release(models.Model):
    """Figures of one kind ("2026-Q3", "change") that were shown, and the
    records they came from. Kept so every later figure of the same kind is
    checked against all of them by the disclosure gate."""

    service_path = "measure__service"

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="releases")
    family = models.CharField(max_length=40)
    members = models.JSONField()  # sorted record ids (or "first-last" pairs for change)
    figures = models.JSONField()  # what was shown, so it can be shown again unchanged
    released_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.family} figures of measure {self.measure_id}"
