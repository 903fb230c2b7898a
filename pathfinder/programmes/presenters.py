"""Shape programme data for templates."""

from collections import defaultdict

from django.urls import reverse

from pathfinder.programmes.domain import THEME_DESCRIPTIONS, Theme
from pathfinder.programmes.models import Finding
from pathfinder.programmes.registry import finding_source


def theme_rows(counts) -> list[dict]:
    """One row per theme, in the method's order, with finding counts by kind."""
    by_theme: dict[str, dict[str, int]] = defaultdict(dict)
    for row in counts:
        by_theme[row["theme"]][row["kind"]] = row["total"]
    rows = []
    for theme in Theme:
        kinds = by_theme.get(theme.value, {})
        rows.append(
            {
                "value": theme.value,
                "label": theme.label,
                "description": THEME_DESCRIPTIONS[theme],
                "strengths": kinds.get(Finding.Kind.STRENGTH, 0),
                "to_work_on": sum(total for kind, total in kinds.items() if kind != Finding.Kind.STRENGTH),
                "total": sum(kinds.values()),
            }
        )
    return rows


def finding_rows(findings, user=None) -> list[dict]:
    """`user`, if given, gets a link to change the findings they recorded
    (the edit page says so if an action has answered one since)."""
    rows = []
    for finding in findings:
        source = finding_source(finding.source_type)
        labels = finding.principle_labels
        mine = user is not None and finding.created_by_id is not None and finding.created_by_id == user.pk
        rows.append(
            {
                "finding": finding,
                "theme": Theme(finding.theme).label,
                "principle": ", ".join(labels),
                "principles": labels,
                "edit_href": reverse("programme_finding_edit", args=[finding.programme_id, finding.pk])
                if mine
                else None,
                "kind": finding.get_kind_display(),
                "source": finding.source_label or source.label,
                "source_href": source.link(finding),
            }
        )
    return rows
