"""Helpers for the MAT standards tests."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.evidence import services


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


def rate(world, standard=6, rating="amber", days=30, by=None, **evidence):
    evidence = evidence or {"process_evidence": "A trauma-informed pathway is agreed."}
    return services.rate(
        programme=world.programme,
        standard=standard,
        by=by or world.member,
        rated_on=days_ago(days),
        rating=rating,
        reason="The pathway is in place in two of three teams.",
        **evidence,
    )


def form(**overrides) -> dict:
    return {
        "rated_on": days_ago(1).isoformat(),
        "rating": "amber",
        "process_evidence": "",
        "numerical_evidence": "",
        "experiential_evidence": "",
        "reason": "Two teams of three use the pathway.",
        **overrides,
    }
