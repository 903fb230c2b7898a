"""The read behind the plan's long lists (by theme and the timeline), which
show every action of the plan at once: 500 at national scale.

Building a model instance for each action, its owner's membership and their
account took about two thirds of that read, and a GROUP BY over every column
counted its findings. Here the lists read only what they show, as plain
values, with each action's findings counted by a subquery; presenters.plan
turns them into the same rows as full actions give (`listed_rows`)."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from pathfinder.planning.models import Action

# What presenters.plan.listed_rows reads, in this order.
LISTED_FIELDS = (
    "id",
    "title",
    "priority",
    "due_on",
    "starts_on",
    "status",
    "theme",
    "owner_id",
    "owner__is_active",
    "owner__user__is_active",
    "owner__user__full_name",
    "owner__user__email",
    "findings_total",
)


def listed(actions):
    """`actions` (a scoped queryset), due first, as LISTED_FIELDS values: one query."""
    findings = (
        Action.findings.through.objects.filter(action_id=OuterRef("pk"))
        .order_by()
        .values("action_id")
        .annotate(total=Count("finding_id", distinct=True))
        .values("total")
    )
    return (
        actions.annotate(findings_total=Coalesce(Subquery(findings, output_field=IntegerField()), 0))
        .order_by("due_on", "id")
        .values_list(*LISTED_FIELDS)
    )
