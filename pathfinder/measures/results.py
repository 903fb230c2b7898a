"""Results of a measure, only as aggregates that passed the disclosure gate.

Per period (a calendar quarter): how many people have a record, and the mean
score overall, per section and per subscale, from each person's latest record
in the period. Change over time: for people with two or more records, their
first against their latest: the mean change, and how many improved, stayed
about the same or got worse.

Nothing about one person is ever shown. Besides the gate's own rules there is
one danger particular to records that keep arriving: someone who reads the
figures, adds (or waits for) one record, and reads them again would learn that
one person's scores from the difference. So every set of figures shown is kept
(`Release`, with the records it came from), and new figures of the same kind
are shown only if the gate releases them together with every earlier set:
otherwise the page keeps showing the last released set and says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction

from pathfinder.instruments import disclosure
from pathfinder.instruments.scoring import overall_score, shared_codes
from pathfinder.measures.models import Measure, Record, Release

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# A change of less than this many scale points either way counts as staying about the same.
SAME_WITHIN = 0.5
SAME_SCORES = disclosure.Hidden("everyone had the same score, so it would say what each person scored")
PART_MISSING = disclosure.Hidden(
    "some records have no score for this part, and a figure from only some of the people could be compared "
    "with the others"
)
CHANGE_KEYS = ("improved", "same", "worse")
CHANGE_LABELS = {"improved": "Improved", "same": "Stayed about the same", "worse": "Got worse"}


def rules() -> disclosure.Rules:
    return disclosure.Rules(min_group=settings.PATHFINDER_MIN_GROUP)


def period_of(day: date) -> tuple[str, str, date]:
    """(key, label, first day) of the calendar quarter `day` falls in."""
    quarter = (day.month - 1) // 3
    start = date(day.year, quarter * 3 + 1, 1)
    label = f"{MONTHS[quarter * 3]} to {MONTHS[quarter * 3 + 2]} {day.year}"
    return f"{day.year}-Q{quarter + 1}", label, start


def _mean(values: list[float], rules_: disclosure.Rules):
    shown = disclosure.mean(values, rules_)
    if not disclosure.is_hidden(shown) and len(set(values)) == 1:
        return SAME_SCORES
    return shown


def _as_json(value):
    return {"hidden": value.reason} if disclosure.is_hidden(value) else value


def _from_json(value):
    return disclosure.Hidden(value["hidden"]) if isinstance(value, dict) else value


@dataclass
class Figures:
    """One released (or withheld) set of figures, as shown."""

    people: object  # int or Hidden
    means: list[tuple[str, str, object]] = field(default_factory=list)  # (key, title, mean or Hidden)
    changes: list[tuple[str, str, object]] = field(default_factory=list)  # (key, label, count or Hidden)
    mean_change: object = None
    held_back: bool = False  # newer records are not counted yet (see module docstring)
    released_at: object = None

    def to_json(self) -> dict:
        return {
            "people": _as_json(self.people),
            "means": [[key, title, _as_json(value)] for key, title, value in self.means],
            "changes": [[key, label, _as_json(value)] for key, label, value in self.changes],
            "mean_change": None if self.mean_change is None else _as_json(self.mean_change),
        }

    @classmethod
    def from_json(cls, data: dict, released_at=None) -> Figures:
        return cls(
            people=_from_json(data["people"]),
            means=[(key, title, _from_json(value)) for key, title, value in data["means"]],
            changes=[(key, label, _from_json(value)) for key, label, value in data["changes"]],
            mean_change=None if data["mean_change"] is None else _from_json(data["mean_change"]),
            released_at=released_at,
        )

    @property
    def overall(self):
        return next((value for key, _title, value in self.means if key == "overall"), None)


@dataclass
class Period:
    key: str
    label: str
    start: date
    figures: Figures


@dataclass
class Results:
    measure: Measure
    periods: list[Period]
    change: Figures | None
    rules: disclosure.Rules

    @property
    def reasons(self) -> list[str]:
        """Every reason a figure on the page is not shown, once each."""
        found: list[str] = []
        figure_sets = [period.figures for period in self.periods] + ([self.change] if self.change else [])
        for figures in figure_sets:
            values = [figures.people, figures.mean_change] + [v for *_, v in figures.means + figures.changes]
            for value in values:
                if disclosure.is_hidden(value) and value.reason not in found:
                    found.append(value.reason)
        return found


def _groups(definition) -> list[tuple[str, str]]:
    groups = [("overall", "Overall")]
    groups += [(f"section:{section.key}", section.title) for section in definition.sections]
    groups += [
        (f"subscale:{name}", name.replace("-", " ").replace("_", " ").capitalize())
        for name in definition.scoring.subscales
    ]
    return groups


def _period_figures(records: list[Record], groups, rules_) -> Figures:
    people = disclosure.group_size(len(records), rules_)
    means = []
    for key, title in groups:
        values = [record.scores.get(key) for record in records]
        given = [value for value in values if value is not None]
        means.append((key, title, _mean(given, rules_) if len(given) == len(records) else PART_MISSING))
    if disclosure.is_hidden(people):
        means = [(key, title, people) for key, title, _ in means]
    return Figures(people=people, means=means)


def _change(first: Record, last: Record) -> float | None:
    if first.version_id == last.version_id:
        before, after = first.scores.get("overall"), last.scores.get("overall")
    else:
        old, new = first.version.parsed, last.version.parsed
        only = shared_codes(old, new)
        before = overall_score(old, first.answers, only).score
        after = overall_score(new, last.answers, only).score
    if before is None or after is None:
        return None
    return after - before


def _change_figures(pairs: list[tuple[Record, Record, float]], better: str, rules_) -> Figures:
    people = disclosure.group_size(len(pairs), rules_)
    counts = dict.fromkeys(CHANGE_KEYS, 0)
    for _first, _last, change in pairs:
        towards = change if better == Measure.Better.HIGHER else -change
        counts["improved" if towards >= SAME_WITHIN else "worse" if towards <= -SAME_WITHIN else "same"] += 1
    # The same reasoning as a survey question's table and its total, released together.
    table = disclosure.question_figures(counts, rules_)
    cells = table.cells
    if disclosure.is_hidden(table.total):
        people = table.total
    mean_change = _mean([change for *_, change in pairs], rules_)
    if disclosure.is_hidden(people):
        cells = dict.fromkeys(CHANGE_KEYS, people)
        mean_change = people
    return Figures(
        people=people,
        changes=[(key, CHANGE_LABELS[key], cells[key]) for key in CHANGE_KEYS],
        mean_change=mean_change,
    )


def _gate(family: str, members: list, figures: Figures, past: list[Release], rules_, new: list) -> Figures:
    """The figures to show for one kind: the new ones if the gate releases them
    beside every set shown before, otherwise the last set shown."""
    if past and past[-1].members == members:
        return Figures.from_json(past[-1].figures, past[-1].released_at)
    if disclosure.is_hidden(figures.people):
        # Nothing here is shown, so nothing can be compared with it later.
        if past:
            kept = Figures.from_json(past[-1].figures, past[-1].released_at)
            kept.held_back = True
            return kept
        return figures
    groups = {("shown", index): frozenset(release.members) for index, release in enumerate(past)}
    groups["now"] = frozenset(members)
    released = disclosure.released_groups(groups, rules_)
    if released >= set(groups):
        new.append((family, members, figures))
        return figures
    kept = Figures.from_json(past[-1].figures, past[-1].released_at)
    kept.held_back = True
    return kept


def for_measures(measures: list[Measure]) -> dict[int, Results]:
    """Results for each measure, in a fixed number of queries."""
    rules_ = rules()
    ids = [measure.pk for measure in measures]
    records: dict[int, list[Record]] = {pk: [] for pk in ids}
    for record in Record.objects.filter(measure_id__in=ids).select_related("version").order_by("recorded_on", "pk"):
        records[record.measure_id].append(record)
    releases: dict[tuple[int, str], list[Release]] = {}
    for release in Release.objects.filter(measure_id__in=ids).order_by("pk"):
        releases.setdefault((release.measure_id, release.family), []).append(release)

    found: dict[int, Results] = {}
    new: list[tuple[Measure, str, list, Figures]] = []
    for measure in measures:
        measure_records = records[measure.pk]
        latest = max(measure_records, key=lambda r: r.version.version).version if measure_records else None
        definition = (latest or measure.latest_version).parsed
        groups = _groups(definition)

        by_period: dict[str, dict[int, Record]] = {}
        labels: dict[str, tuple[str, date]] = {}
        for record in measure_records:
            key, label, start = period_of(record.recorded_on)
            labels[key] = (label, start)
            by_period.setdefault(key, {})[record.person_id] = record  # latest in the period wins
        fresh: list = []
        periods = []
        for key in sorted(by_period):
            chosen = list(by_period[key].values())
            members = sorted(record.pk for record in chosen)
            figures = _gate(
                key,
                members,
                _period_figures(chosen, groups, rules_),
                releases.get((measure.pk, key), []),
                rules_,
                fresh,
            )
            periods.append(Period(key=key, label=labels[key][0], start=labels[key][1], figures=figures))

        per_person: dict[int, list[Record]] = {}
        for record in measure_records:
            per_person.setdefault(record.person_id, []).append(record)
        pairs = []
        for person_records in per_person.values():
            if len(person_records) >= 2:
                change = _change(person_records[0], person_records[-1])
                if change is not None:
                    pairs.append((person_records[0], person_records[-1], change))
        change = None
        if pairs:
            members = sorted(f"{first.pk}-{last.pk}" for first, last, _ in pairs)
            change = _gate(
                "change",
                members,
                _change_figures(pairs, measure.better, rules_),
                releases.get((measure.pk, "change"), []),
                rules_,
                fresh,
            )
        new += [(measure, family, members, figures) for family, members, figures in fresh]
        found[measure.pk] = Results(measure=measure, periods=periods, change=change, rules=rules_)

    if new:
        with transaction.atomic():
            Release.objects.bulk_create(
                [
                    Release(measure=measure, family=family, members=members, figures=figures.to_json())
                    for measure, family, members, figures in new
                ]
            )
    return found
