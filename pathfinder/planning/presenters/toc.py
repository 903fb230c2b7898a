"""The theory of change as columns of steps with their links, for the page's
nested list (the diagram's equivalent in words) and the diagram itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from pathfinder.planning import diagram
from pathfinder.planning.models import ToCNode

Kind = ToCNode.Kind
COLUMN_TITLES = {
    Kind.ACTIVITY: "Activities",
    Kind.SHORT: "Short-term outcomes",
    Kind.INTERIM: "Interim outcomes",
    Kind.LONG: "Long-term outcomes",
}


@dataclass
class StepView:
    node: ToCNode
    leads_to: list = field(default_factory=list)  # (link, target node)
    indicators: list = field(default_factory=list)
    actions: int = 0


@dataclass
class Column:
    kind: str
    title: str
    steps: list[StepView]


def columns(nodes, links, indicators, action_counts: dict[int, int]) -> list[Column]:
    views = {node.pk: StepView(node=node, actions=action_counts.get(node.pk, 0)) for node in nodes}
    for link in links:
        if link.source_id in views and link.target_id in views:
            views[link.source_id].leads_to.append((link, views[link.target_id].node))
    for indicator in indicators:
        if indicator.node_id in views:
            views[indicator.node_id].indicators.append(indicator)
    return [
        Column(
            kind=kind.value,
            title=COLUMN_TITLES[kind],
            steps=[view for view in views.values() if view.node.kind == kind],
        )
        for kind in Kind
    ]


def description(cols: list[Column], link_count: int) -> str:
    counts = {column.kind: len(column.steps) for column in cols}
    if not any(counts.values()):
        return "The theory of change has no steps yet."
    return (
        f"{counts['activity']} activit{'y' if counts['activity'] == 1 else 'ies'} leading to "
        f"{counts['short']} short-term, {counts['interim']} interim and {counts['long']} long-term "
        f"outcome{'' if counts['long'] == 1 else 's'}, joined by {link_count} link{'' if link_count == 1 else 's'}. "
        "The list with the diagram describes every step and link in words."
    )


def diagram_svg(cols: list[Column], links, *, title: str, id_prefix: str = "toc") -> str | None:
    """The SVG, or None if Graphviz could not draw it (the list still says it all)."""
    steps = [
        diagram.Step(view.node.pk, view.node.kind, view.node.text, view.node.scope == ToCNode.Scope.NATIONAL)
        for column in cols
        for view in column.steps
    ]
    if not steps:
        return None
    try:
        return diagram.render(
            steps,
            [(link.source_id, link.target_id) for link in links],
            title=title,
            description=description(cols, len(links)),
            id_prefix=id_prefix,
        )
    except diagram.DiagramUnavailable:
        return None


def measure_readings(programme, user, keys=None) -> dict:
    """{measure key: its view (evidence.progress.MeasureView)} for the
    registered measures, so an indicator can show its measure's latest value and
    reading. With `keys`, only those (none: nothing is worked out at all)."""
    from pathfinder.evidence import progress
    from pathfinder.programmes.registry import measure_sources

    if keys is not None and not keys:
        return {}
    found = {}
    for measure in progress.collect(programme, user, measure_sources()):
        if keys is None or measure.key in keys:
            found[measure.key] = progress.reading_only(measure)
    return found


def measures(programme, user) -> list:
    """Every registered measure, for choosing one on the indicator form."""
    from pathfinder.evidence import progress
    from pathfinder.programmes.registry import measure_sources

    return progress.collect(programme, user, measure_sources())
