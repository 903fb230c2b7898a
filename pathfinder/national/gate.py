"""The national view's use of the disclosure gate, across services. Pure Python.

Every filter the page offers (board, ADP, kind of area, size) narrows the set
of services. A group is one combination of filter values, `None` meaning "any":
`(board, adp, area, size)`. The page can produce every combination, so all of
them go to `disclosure.released_groups` together, as the gate asks.

Two kinds of figure, two uses of the gate:

- About services (MAT ratings, plan progress, assessment scores): a group's
  figures are shown only if it holds at least three services that are not
  named, and no sum or difference of shown groups comes down to fewer than
  three. Services that agreed to be named are shown on their own anyway, so a
  reader can take them away from any total: the reasoning is therefore about
  the services that are not named only.
  The gate's own rules cannot be set below ten (its floor, for people), so
  each service stands in the gate as `TOKENS` tokens that always move
  together: ten or more tokens is exactly three or more services, and any sum
  or difference of groups gives every token of a service the same weight.
- About people (training coverage): the people sets are (service id, person)
  pairs, with the gate's default rules.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import product

from pathfinder.instruments import disclosure

MIN_SERVICES = 3
# Enough tokens per service that MIN_SERVICES services reach the gate's floor, and one fewer does not.
TOKENS = math.ceil(disclosure.MIN_GROUP_FLOOR / MIN_SERVICES)
assert TOKENS * MIN_SERVICES >= disclosure.MIN_GROUP_FLOOR > TOKENS * (MIN_SERVICES - 1)

DIMENSIONS = ("board", "adp", "area", "size")
type Key = tuple[Hashable | None, Hashable | None, Hashable | None, Hashable | None]
EVERYONE: Key = (None, None, None, None)


@dataclass(frozen=True)
class ServiceFacts:
    """What the filters know about one service."""

    id: int
    board: Hashable | None
    adp: Hashable | None
    area: str
    size: str
    named: bool

    def values(self) -> tuple:
        return (self.board, self.adp, self.area or None, self.size)


def keys_of(service: ServiceFacts) -> list[Key]:
    """Every group (filter combination) the service falls in: each filter either
    left open or set to the service's own value."""
    return [
        tuple(choice)
        for choice in product(*[(None, value) if value is not None else (None,) for value in service.values()])
    ]


def service_groups(services: Iterable[ServiceFacts]) -> dict[Key, frozenset[int]]:
    """Every group the filters can produce that is not empty, with its services' ids."""
    found: dict[Key, set[int]] = {}
    for service in services:
        for key in keys_of(service):
            found.setdefault(key, set()).add(service.id)
    found.setdefault(EVERYONE, set())
    return {key: frozenset(ids) for key, ids in found.items()}


def released_service_groups(services: Iterable[ServiceFacts]) -> set[Key]:
    """The groups whose figures about services may be shown."""
    services = list(services)
    named = {service.id for service in services if service.named}
    groups = service_groups(services)
    unnamed = {key: ids - named for key, ids in groups.items()}
    # Each service as a block of TOKENS (disclosure.released_blocks: the same answer as the tokens written out).
    released = disclosure.released_blocks(unnamed, dict.fromkeys(set().union(*unnamed.values()), TOKENS))
    # A group made only of named services gives nothing away that is not shown anyway.
    return released | {key for key, ids in unnamed.items() if not ids and groups[key]}


def people_groups(
    services: Iterable[ServiceFacts], people: Mapping[int, Iterable[Hashable]]
) -> dict[Key, frozenset[tuple[int, Hashable]]]:
    """Every group, as the (service id, person) pairs in it. `people`: each service's people."""
    by_service = {sid: frozenset((sid, person) for person in persons) for sid, persons in people.items()}
    found: dict[Key, set] = {}
    for service in services:
        pairs = by_service.get(service.id, frozenset())
        for key in keys_of(service):
            found.setdefault(key, set()).update(pairs)
    found.setdefault(EVERYONE, set())
    return {key: frozenset(pairs) for key, pairs in found.items()}


def released_people_groups(groups: Mapping[Key, frozenset], rules: disclosure.Rules = disclosure.DEFAULT) -> set[Key]:
    return disclosure.released_groups(groups, rules)


def service_reason() -> str:
    return (
        f"This combines fewer than {MIN_SERVICES} services that have not agreed to be named, or it could be worked "
        "out from the other figures. Combine it with other services (choose fewer filters) to see it."
    )


def people_reason(rules: disclosure.Rules = disclosure.DEFAULT) -> str:
    return (
        f"This would rest on fewer than {rules.min_group} people, or it could be worked out from the other "
        "figures. Combine it with other services (choose fewer filters) to see it."
    )


def small_reason(rules: disclosure.Rules = disclosure.DEFAULT) -> str:
    return (
        f"Too few people are trained, or too few are not yet trained (from 1 to {rules.small_count_max}), "
        "to show the share without pointing to them."
    )
