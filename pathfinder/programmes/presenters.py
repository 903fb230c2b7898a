"""Shape programme data for templates."""

from collections import defaultdict

from pathfinder.programmes.domain import THEME_DESCRIPTIONS, Principle, Theme
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


def finding_rows(findings) -> list[dict]:
    rows = []
    for finding in findings:
        source = finding_source(finding.source_type)
        rows.append(
            {
                "finding": finding,
                "theme": Theme(finding.theme).label,
                "principle": Principle(finding.principle).label if finding.principle else "",
                "kind": finding.get_kind_display(),
                "source": finding.source_label or source.label,
                "source_href": source.link(finding),
            }
        )
    return rows
