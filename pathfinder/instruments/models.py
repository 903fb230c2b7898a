"""Instruments and their versions. Answers always point at an exact version."""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core.models import Service
from pathfinder.instruments.definition import Definition, from_data

# Parsed definitions by (version pk, checksum); see InstrumentVersion.parsed.
_parsed: dict[tuple, Definition] = {}


class Instrument(models.Model):
    """A questionnaire. Built-in ones have no owner; a service's adaptation
    (or a licensed measure it loads) belongs to that service alone."""

    key = models.SlugField(max_length=80)
    owner = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="instruments")
    name = models.CharField(max_length=200)
    purpose = models.CharField(max_length=40)
    based_on = models.ForeignKey(
        "InstrumentVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="adaptations"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["key", "owner"], name="instrument_key_per_owner"),
            models.UniqueConstraint(fields=["key"], condition=models.Q(owner=None), name="builtin_instrument_key"),
        ]

    def __str__(self) -> str:
        return self.name


class InstrumentVersion(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField()
    definition = models.JSONField()
    checksum = models.CharField(max_length=64)
    notes = models.TextField(blank=True)
    loaded_at = models.DateTimeField(default=timezone.now)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["instrument__name", "-version"]
        constraints = [models.UniqueConstraint(fields=["instrument", "version"], name="one_row_per_version")]

    def __str__(self) -> str:
        return f"{self.instrument.name}, version {self.version}"

    @cached_property
    def parsed(self) -> Definition:
        from pathfinder.programmes.domain import Theme

        # A stored version never changes (a change is a new version), and its
        # checksum is of its definition, so the parsed form is kept per process:
        # the answer page needs it on every request.
        key = (self.pk, self.checksum)
        if self.pk is None or not self.checksum or key not in _parsed:
            definition = from_data(self.definition, themes=tuple(Theme.values))
            if self.pk is None or not self.checksum:
                return definition
            if len(_parsed) > 1000:
                _parsed.clear()
            _parsed[key] = definition
        return _parsed[key]
