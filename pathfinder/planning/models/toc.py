"""The theory of change: activities leading to short-term, interim and
long-term outcomes, linked with the reasoning behind each step."""

from django.db import models
from django.utils import timezone

from pathfinder.programmes.models import Programme


class ToCNode(models.Model):
    class Kind(models.TextChoices):
        ACTIVITY = "activity", "Activity"
        SHORT = "short", "Short-term outcome"
        INTERIM = "interim", "Interim outcome"
        LONG = "long", "Long-term outcome"

    class Scope(models.TextChoices):
        LOCAL = "local", "Local"
        NATIONAL = "national", "National"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="toc_nodes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.LOCAL)
    text = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text

    @property
    def stage(self) -> int:
        """Activities come first, long-term outcomes last: links go forward."""
        return list(self.Kind.values).index(self.kind)

    @property
    def is_outcome(self) -> bool:
        return self.kind != self.Kind.ACTIVITY


class ToCLink(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="toc_links")
    source = models.ForeignKey(ToCNode, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(ToCNode, on_delete=models.CASCADE, related_name="links_in")
    rationale = models.TextField(max_length=1000, blank=True)
    assumptions = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "programme__service"

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="toc_link_once"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="toc_link_not_to_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"


class Indicator(models.Model):
    """How the group will know an outcome is happening."""

    node = models.ForeignKey(ToCNode, on_delete=models.CASCADE, related_name="indicators")
    text = models.CharField(max_length=300)
    how_measured = models.CharField(max_length=300, blank=True)
    # A measure on the Progress page that evidences it (a programmes.registry
    # Measure key such as "mat:6"); "" for none. Kept as the key, not a row:
    # measures are worked out from each tool's data, not stored.
    measure_key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "node__programme__service"

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text
