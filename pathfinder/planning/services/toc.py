"""State changes for the theory of change, and the rule its links follow:
they read forward, from activities to long-term outcomes, and never loop."""

from django.db import transaction

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.planning.models import Indicator, ToCLink, ToCNode

Kind = ToCNode.Kind


def link_problem(source: ToCNode, target: ToCNode, links: list[tuple[int, int]]) -> str | None:
    """Why a link from `source` to `target` would not make sense, or None.
    `links` are the (source id, target id) pairs that exist already."""
    if source.pk == target.pk:
        return "A step cannot lead to itself. Choose a different step for it to lead to."
    if source.programme_id != target.programme_id:
        return "Choose steps from this theory of change."
    if target.kind == Kind.ACTIVITY:
        return (
            "Nothing leads into an activity: activities are where the theory of change starts. "
            "Link the activity to the outcome it helps bring about instead."
        )
    if target.stage < source.stage:
        return (
            f"This link would go backwards, from {_a(source.get_kind_display())} to {_a(target.get_kind_display())}. "
            "Links go forward: activities lead to short-term outcomes, then interim outcomes, then long-term outcomes."
        )
    if (source.pk, target.pk) in set(links):
        return "These two steps are already linked."
    if _reaches(target.pk, source.pk, links):
        return (
            f"This link would make a loop, because “{target.text}” already leads to “{source.text}”. "
            "A theory of change reads one way, from activities to long-term outcomes."
        )
    return None


def _a(label: str) -> str:
    label = label.lower()
    return f"{'an' if label[0] in 'aeiou' else 'a'} {label}"


def _reaches(start: int, goal: int, links: list[tuple[int, int]]) -> bool:
    following: dict[int, list[int]] = {}
    for source, target in links:
        following.setdefault(source, []).append(target)
    seen, waiting = set(), [start]
    while waiting:
        node = waiting.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            waiting.extend(following.get(node, []))
    return False


class LinkRefused(Exception):
    pass


def add_node(*, programme, kind: str, scope: str, text: str, by) -> ToCNode:
    node = ToCNode.objects.create(programme=programme, kind=kind, scope=scope, text=text.strip())
    audit.record("plan.toc_changed", actor=by, service=programme.service, target=node, change="step added")
    return node


@transaction.atomic
def edit_node(node: ToCNode, *, version: int, text: str, scope: str, by) -> None:
    node.text, node.scope = text.strip(), scope
    save_if_current(node, version, ["text", "scope"])
    audit.record("plan.toc_changed", actor=by, service=node.programme.service, target=node, change="step changed")


@transaction.atomic
def remove_node(node: ToCNode, *, by) -> None:
    """Its links and indicators go with it; actions linked to it stay in the
    plan, no longer linked."""
    service = node.programme.service
    audit.record("plan.toc_changed", actor=by, service=service, target=node, change="step removed")
    node.delete()


@transaction.atomic
def add_link(*, source: ToCNode, target: ToCNode, rationale: str, assumptions: str, by) -> ToCLink:
    # Lock the programme's links while checking, so two people cannot make a loop between them.
    existing = list(
        ToCLink.objects.select_for_update()
        .filter(programme_id=source.programme_id)
        .values_list("source_id", "target_id")
    )
    problem = link_problem(source, target, existing)
    if problem:
        raise LinkRefused(problem)
    link = ToCLink.objects.create(
        programme_id=source.programme_id,
        source=source,
        target=target,
        rationale=rationale.strip(),
        assumptions=assumptions.strip(),
    )
    audit.record("plan.toc_changed", actor=by, service=source.programme.service, target=link, change="link added")
    return link


@transaction.atomic
def remove_link(link: ToCLink, *, by) -> None:
    audit.record("plan.toc_changed", actor=by, service=link.programme.service, target=link, change="link removed")
    link.delete()


def add_indicator(*, node: ToCNode, text: str, how_measured: str, by, measure_key: str = "") -> Indicator:
    indicator = Indicator.objects.create(
        node=node, text=text.strip(), how_measured=how_measured.strip(), measure_key=measure_key
    )
    audit.record(
        "plan.toc_changed", actor=by, service=node.programme.service, target=indicator, change="indicator added"
    )
    return indicator
