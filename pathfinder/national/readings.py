"""Each service's SPC readings, for the national view: where its repeated
measures stand (improving, a concern, no significant change ...), counted
across services. Readings are facts about a service's own charts, each chart
drawn only from figures its own gate released, so here they are handled like
the MAT ratings: shown for a group only where the service gate releases it.

Two kinds of repeated measure are compared across services: each MAT
standard's ratings over time (1 red to 5 blue), and each outcome measure's
released average per period, matched across services by the questionnaire's
name (services load their own copies)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pathfinder.evidence import spc
from pathfinder.evidence.mat import BY_NUMBER, RATING_VALUE
from pathfinder.instruments import disclosure

# The order readings are shown in, with their words.
READINGS = (
    (spc.Reading.IMPROVING, "Improving"),
    (spc.Reading.CONCERN, "A concern"),
    (spc.Reading.CHANGE, "A significant change"),
    (spc.Reading.NO_SIGNIFICANT_CHANGE, "No significant change"),
    (spc.Reading.NOT_ENOUGH_DATA, "Not enough points yet"),
)


def reading_of(values: list[float], direction: str) -> str:
    return _reading(tuple(values), direction)


@lru_cache(maxsize=4096)
def _reading(values: tuple[float, ...], direction: str) -> str:
    """Many services' series are alike (a few ratings, the same colours): each is worked out once."""
    if len(values) < spc.MIN_POINTS:
        return spc.Reading.NOT_ENOUGH_DATA.value
    return spc.xmr(list(values), direction=spc.Direction(direction)).reading.value


def mat_readings(history: dict[int, list[str]]) -> dict[str, str]:
    """{kind: reading} from each standard's ratings, oldest first."""
    return {
        f"mat:{number}": reading_of([RATING_VALUE[rating] for rating in ratings], "higher")
        for number, ratings in history.items()
        if number in BY_NUMBER and ratings
    }


def measure_kind(name: str) -> str:
    return "measure:" + " ".join(name.lower().split())


def measure_readings(service_ids: list[int]) -> tuple[dict[int, dict[str, str]], dict[str, str]]:
    """{service: {kind: reading}} for every outcome measure of the services, from
    the averages the measure's own gate released; and {kind: title}. A fixed
    number of queries (the measures' results are worked out together)."""
    from pathfinder.measures import results
    from pathfinder.measures.models import Measure

    measures = list(
        Measure.objects.filter(service_id__in=service_ids)
        .select_related("instrument")
        .prefetch_related("instrument__versions")
    )
    found = results.for_measures(measures) if measures else {}
    readings: dict[int, dict[str, str]] = {}
    titles: dict[str, str] = {}
    for measure in measures:
        values = [
            float(period.figures.overall)
            for period in found[measure.pk].periods
            if period.figures.overall is not None and not disclosure.is_hidden(period.figures.overall)
        ]
        kind = measure_kind(measure.instrument.name)
        titles.setdefault(kind, f"{measure.instrument.name}: average overall score")
        readings.setdefault(measure.service_id, {})[kind] = reading_of(values, measure.better)
    return readings, titles


def mat_titles() -> dict[str, str]:
    return {f"mat:{number}": standard.title for number, standard in BY_NUMBER.items()}


@dataclass(frozen=True)
class ReadingLine:
    title: str
    counts: dict[str, int] | None  # reading words: services; None when not shown
    services: int | None  # services with the measure; None when not shown


def lines(national, key, releases) -> list[ReadingLine]:
    """One line per kind of measure some service in view has, MAT standards first."""
    members = national.members(key)
    found = []
    for kind, title in national.reading_titles.items():
        having = {row.id for row in national.rows if kind in row.readings}
        if not having:
            continue
        if not releases.released(key, having):
            found.append(ReadingLine(title, None, None))
            continue
        tally = Counter(row.readings[kind] for row in members if kind in row.readings)
        found.append(
            ReadingLine(title, {label: tally.get(reading.value, 0) for reading, label in READINGS}, tally.total())
        )
    return found
