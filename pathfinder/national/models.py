"""Who may look across services (oversight), and each service's national settings."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core.models import Organisation, Service


class Oversight(models.Model):
    """A person's view over several services: every service, a health board's or an ADP's."""

    class Scope(models.TextChoices):
        NATIONAL = "national", "Every service (national programme team)"
        BOARD = "board", "The services of one health board"
        ADP = "adp", "The services of one alcohol and drug partnership"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oversights")
    scope = models.CharField(max_length=20, choices=Scope.choices)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)

    # Not about one service: only site administrators list these.
    service_path = None

    class Meta:
        ordering = ["user__full_name", "scope", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope="national", organisation__isnull=True)
                | (~models.Q(scope="national") & models.Q(organisation__isnull=False)),
                name="oversight_organisation_matches_scope",
            ),
            models.UniqueConstraint(fields=["user", "scope", "organisation"], name="oversight_unique"),
        ]

    def __str__(self) -> str:
        if self.organisation_id:
            return f"{self.get_scope_display()}: {self.organisation}"
        return self.get_scope_display()


class ServiceProfile(models.Model):
    """How a service takes part in the national view. Off by default: a service is
    named only if its lead says so."""

    class AreaKind(models.TextChoices):
        ISLAND = "island", "Island"
        RURAL = "rural", "Rural"
        URBAN = "urban", "Urban"
        MIXED = "mixed", "Mixed urban and rural"

    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="national_profile")
    named_nationally = models.BooleanField(default=False)
    area_kind = models.CharField(max_length=20, choices=AreaKind.choices, blank=True)
    version = models.PositiveIntegerField(default=1)

    service_path = "service"

    def __str__(self) -> str:
        return f"National settings of {self.service}"


class SurveySummary(models.Model):
    """What the national view needs of one closed survey: for each question with
    a number for an answer, how many gave one and their total. Worked out once,
    when the national view first needs it (a closed survey takes no more
    answers), and kept encrypted with the field keys, like the answers.

    Never shown as it is: only pooled across services, through the gate."""

    survey = models.OneToOneField("surveys.Survey", on_delete=models.CASCADE, related_name="national_summary")
    data = models.TextField()  # encrypted JSON: {"responses": n, "known": k, "items": {code: [n, total]}}
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "survey__programme__service"

    def __str__(self) -> str:
        return f"National summary of {self.survey}"
