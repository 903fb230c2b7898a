"""What the progress report says of each action beyond the action itself: its
latest entry and the findings it answers, read as plain values in two queries.

The report used to prefetch every action's whole history (with authors) and its
findings as model instances: at 500 actions that was most of the time a request
spent before handing the document to the worker. Only the fields the report
prints are read here. `action_ids` must come from a query already scoped to the
user (the view's `plan_actions`)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pathfinder.planning.models import Action, ActionUpdate


@dataclass(frozen=True)
class LatestEntry:
    at: datetime
    kind: str
    text: str
    author: str | None  # None when the account has gone

    @property
    def kind_label(self) -> str:
        return dict(ActionUpdate.Kind.choices).get(self.kind, self.kind)


@dataclass(frozen=True)
class FindingLine:
    text: str
    source_type: str
    source_label: str


@dataclass(frozen=True)
class ReportDetails:
    latest: dict[int, LatestEntry]
    findings: dict[int, list[FindingLine]]


def report_details(action_ids: Iterable[int]) -> ReportDetails:
    ids = list(action_ids)
    latest: dict[int, LatestEntry] = {}
    entries = (
        ActionUpdate.objects.filter(action_id__in=ids)
        .exclude(kind=ActionUpdate.Kind.CREATED)
        .order_by("action_id", "at", "id")
        .values_list("action_id", "at", "kind", "text", "author__full_name")
    )
    for action_id, at, kind, text, author in entries:
        latest[action_id] = LatestEntry(at, kind, text, author)  # the last one per action wins
    findings: dict[int, list[FindingLine]] = defaultdict(list)
    links = (
        Action.findings.through.objects.filter(action_id__in=ids)
        .order_by("action_id", "-finding__created_at", "-finding__id")  # the findings' own order
        .values_list("action_id", "finding__text", "finding__source_type", "finding__source_label")
    )
    for action_id, text, source_type, source_label in links:
        findings[action_id].append(FindingLine(text, source_type, source_label))
    return ReportDetails(latest, dict(findings))
