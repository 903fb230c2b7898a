"""Survey results, built only from what the disclosure gate releases.

Every figure here comes out of instruments.disclosure: group sizes, counts,
percentages and means. The page offers filters (role, area, organisation);
the gate is given every group those filters can produce, so no combination
of filters can be used to work out the answers of fewer than ten people.
Results exist only for closed surveys.

Who may know some answers (padding): people who handed out printed codes
and people who were sent a code and can see results. The survey's rules are
raised by as many answers as they could have given (`rules_for`), so a
figure never rests on fewer than ten other people.
"""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass, field

from django.conf import settings

from pathfinder.instruments import disclosure, scoring
from pathfinder.instruments.definition import Definition, Item
from pathfinder.surveys import national

# Answers people may filter by, when the questionnaire asks them, with short labels.
FILTER_ITEMS = {"about.role": "Role", "about.area": "Where people work", "about.organisation": "Organisation"}

type GroupKey = tuple[tuple[str, str], ...]


def rules(padding: int = 0) -> disclosure.Rules:
    return disclosure.Rules(min_group=settings.PATHFINDER_MIN_GROUP).with_padding(padding)


@dataclass
class Filter:
    code: str
    label: str
    options: list[tuple[str, str]]
    chosen: str = ""
    unavailable: set[str] = field(default_factory=set)  # choices the gate will not release on their own


def filters_for(definition: Definition, asked: set[str], params) -> list[Filter]:
    found = []
    for code, short_label in FILTER_ITEMS.items():
        if code not in asked:
            continue
        item = definition.item(code)
        values = {option.value for option in item.options}
        chosen = params.get(code, "")
        found.append(
            Filter(code, short_label, [(o.value, o.label) for o in item.options], chosen if chosen in values else "")
        )
    return found


def producible_groups(responses: list[tuple[str, dict]], filters: list[Filter]) -> dict[GroupKey, frozenset]:
    """Every group the filters can make: everyone, each single value, each pair
    (and each triple). One pass over the responses: each is put into the
    groups its own answers place it in, so the cost grows with the responses,
    not with responses times groups."""
    members: dict[GroupKey, set] = {(): {rid for rid, _ in responses}}
    choices = [[(f.code, value) for value, _ in f.options] for f in filters]
    for size in (1, 2, 3):
        for dimensions in itertools.combinations(choices, size):
            for combination in itertools.product(*dimensions):
                members[tuple(sorted(combination))] = set()
    offered = [(f.code, {value for value, _ in f.options}) for f in filters]
    for rid, answers in responses:
        own = []
        for code, values in offered:
            value = answers.get(code)
            if isinstance(value, str) and value in values:
                own.append((code, value))
        for size in (1, 2, 3):
            for combination in itertools.combinations(own, size):
                members[tuple(sorted(combination))].add(rid)
    return {key: frozenset(rids) for key, rids in members.items()}


@dataclass
class Row:
    label: str
    count: object  # int or disclosure.Hidden
    percent: object  # float or disclosure.Hidden or None (multi-choice totals)


@dataclass
class ItemResult:
    item: Item
    answered: object
    rows: list[Row] = field(default_factory=list)
    mean: object = None
    share_high: object = None  # % choosing the top two points of a scale


@dataclass
class ScoreResult:
    """A measure's own score (a subscale), averaged over the people who have one."""

    name: str
    mean: object
    people: object


@dataclass
class Results:
    size: object
    key: GroupKey
    released: bool
    sections: list[tuple[str, list[ItemResult]]]
    comments: list[Comments]
    filters: list[Filter]
    hidden_breakdowns: int
    scores: list[ScoreResult] = field(default_factory=list)
    min_group: int = 10


def measure_scores(
    definition: Definition, responses: list[tuple[str, dict]], rules_: disclosure.Rules
) -> list[ScoreResult]:
    """Each person's subscale scores, by the measure's own rules (sum or mean,
    reversed items, how many answers a score needs), then the average of those
    scores through the gate. Only for everyone together.

    A score's average is shown only when the people who have a score are the
    same as those who answered its items, or differ from them by enough people
    (checked with the gate's released groups): otherwise the item averages and
    the score's average, over a few people fewer, could be set against each
    other."""
    if not definition.scoring.subscales:
        return []
    per_person = {
        rid: {group.key: group.score for group in scoring.subscale_scores(definition, answers)}
        for rid, answers in responses
    }
    found = []
    for name, codes in definition.scoring.subscales.items():
        scorers = frozenset(rid for rid, scores in per_person.items() if scores[name] is not None)
        groups = {("score", name): scorers} | {
            ("item", code): frozenset(rid for rid, answers in responses if answers.get(code) is not None)
            for code in codes
        }
        values = [per_person[rid][name] for rid in scorers]
        mean = disclosure.mean(values, rules_)
        if not disclosure.is_hidden(mean) and ("score", name) not in disclosure.released_groups(groups, rules_):
            mean = disclosure.not_released(rules_)
        found.append(
            ScoreResult(
                name=name.replace("_", " ").capitalize(),
                mean=mean,
                people=disclosure.group_size(len(values), rules_),
            )
        )
    return found


def item_result(definition: Definition, item: Item, answer_sets: list[dict], rules_: disclosure.Rules) -> ItemResult:
    """Everything about one question for everyone who responded: counts,
    percentages, the average and the top-two share, released together by the gate."""
    given = [answers[item.code] for answers in answer_sets if item.code in answers]
    result = ItemResult(item=item, answered=disclosure.group_size(len(given), rules_))
    if item.type in {"scale", "choice"}:
        if item.type == "scale":
            scale = definition.scale_for(item)
            labels = {str(point.value): f"{point.value} – {point.label}" for point in scale.points}
            counts = {str(point.value): sum(1 for value in given if value == point.value) for point in scale.points}
            values = {str(point.value): float(point.value) for point in scale.points}
            if scale.dont_know:
                labels["dont_know"] = scale.dont_know
                counts["dont_know"] = sum(1 for value in given if value is None)
                values["dont_know"] = None
            top_two = [str(point.value) for point in scale.points][-2:]
            figures = disclosure.question_figures(counts, rules_, values=values, share_of=top_two)
            result.mean, result.share_high = figures.mean, figures.share
        else:
            labels = {option.value: option.label for option in item.options}
            counts = {value: sum(1 for answer in given if answer == value) for value in labels}
            figures = disclosure.question_figures(counts, rules_)
        result.rows = [Row(label, figures.cells[value], figures.percents[value]) for value, label in labels.items()]
        result.answered = figures.total if disclosure.is_hidden(figures.total) else result.answered
    elif item.type == "multi":
        labels = {option.value: option.label for option in item.options}
        counts = {value: sum(1 for answer in given if value in answer) for value in labels}
        shown = disclosure.count_table(counts, rules_, total_known=False, respondents=len(given))
        result.rows = [Row(label, shown[value], None) for value, label in labels.items()]
    elif item.type == "number":
        result.mean = disclosure.mean([float(value) for value in given], rules_)
    return result


def _scored_people(item: Item, responses: list[tuple[str, dict]]) -> frozenset:
    """Who gave this question a value (not "don't know", not skipped)."""
    return frozenset(rid for rid, answers in responses if answers.get(item.code) is not None)


def group_mean(item: Item, key: GroupKey, groups, responses, released_cache: dict, rules_: disclosure.Rules) -> object:
    """The average for one filtered group, released only if that group, counting
    only the people who gave this question a value, passes the gate among all
    the groups the filters can make for that question."""
    people = _scored_people(item, responses)
    if people not in released_cache:
        released_cache[people] = disclosure.released_groups(disclosure.restricted_to(groups, people), rules_)
    if key not in released_cache[people]:
        return disclosure.not_released(rules_)
    members = groups[key] & people
    values = [float(answers[item.code]) for rid, answers in responses if rid in members]
    return disclosure.mean(values, rules_)


@dataclass
class Comments:
    """What people wrote to one open question, shown only when enough people wrote."""

    question: str
    people: object  # int or disclosure.Hidden
    texts: list[str]


def comments_for(asked: list[Item], answer_sets: list[dict], rules_: disclosure.Rules) -> list[Comments]:
    """Free text, question by question, in a random order, only from a question at
    least `min_group` people wrote in: a handful of comments is a handful of voices
    that colleagues may recognise."""
    found = []
    randomness = secrets.SystemRandom()
    for item in asked:
        if item.type != "text":
            continue
        texts = [answers[item.code] for answers in answer_sets if answers.get(item.code)]
        people = disclosure.group_size(len(texts), rules_)
        if disclosure.is_hidden(people):
            found.append(Comments(item.text, people, []))
            continue
        randomness.shuffle(texts)
        found.append(Comments(item.text, people, texts))
    return found


def build(
    definition: Definition,
    asked: list[Item],
    responses: list[tuple[str, dict]],
    params,
    *,
    rules_: disclosure.Rules | None = None,
    breakdowns: bool = True,
) -> Results:
    """Everyone's results in full; a filtered group's as averages only.

    Count tables of two groups could be subtracted cell by cell (everyone's
    table minus the practitioners' gives the rest's, small cells included), so
    counts and percentages are shown only for everyone. Averages of released
    groups cannot be narrowed that way below ten people.

    `breakdowns` False (a survey anyone with the link can answer, many times)
    offers no filters at all: someone could answer over and over as a
    "manager" to lift that group over the limit."""
    rules_ = rules_ or rules()
    responses = [(rid, answers) for rid, answers in responses if answers]  # empty answers count for nothing
    asked_codes = {item.code for item in asked}
    filters = filters_for(definition, asked_codes, params) if breakdowns else []
    groups = producible_groups(responses, filters)
    released = disclosure.released_groups(groups, rules_)
    key: GroupKey = tuple(sorted((f.code, f.chosen) for f in filters if f.chosen))
    hidden_breakdowns = sum(1 for group_key in groups if group_key not in released and group_key)
    for found in filters:
        found.unavailable = {value for value, _ in found.options if ((found.code, value),) not in released}
    if key not in released:
        return Results(
            size=disclosure.not_released(rules_),
            key=key,
            released=False,
            sections=[],
            comments=[],
            filters=filters,
            hidden_breakdowns=hidden_breakdowns,
            min_group=rules_.min_group,
        )
    members = groups[key]
    sections: list[tuple[str, list[ItemResult]]] = []
    if not key:
        answer_sets = [answers for _, answers in responses]
        for section in definition.sections:
            rows = [
                item_result(definition, item, answer_sets, rules_)
                for item in section.items
                if item.code in asked_codes and item.type != "text"
            ]
            if rows:
                sections.append((section.title, rows))
        comments = comments_for(asked, answer_sets, rules_)
        scores = measure_scores(definition, responses, rules_)
    else:
        cache: dict = {}
        for section in definition.sections:
            rows = [
                ItemResult(
                    item=item,
                    answered=disclosure.group_size(len(members & _scored_people(item, responses)), rules_),
                    mean=group_mean(item, key, groups, responses, cache, rules_),
                )
                for item in section.items
                if item.code in asked_codes and item.type in {"scale", "number"}
            ]
            if rows:
                sections.append((section.title, rows))
        comments, scores = [], []
    return Results(
        size=len(members),
        key=key,
        released=True,
        sections=sections,
        comments=comments,
        filters=filters,
        hidden_breakdowns=hidden_breakdowns,
        scores=scores,
        min_group=rules_.min_group,
    )


@dataclass
class Comparison:
    label: str
    ours: object
    national: float
    year: int
    what: str


def national_comparison(results: Results) -> list[Comparison]:
    """The service's share of people very or extremely confident, beside the national surveys."""
    by_code = {row.item.code: row for _, rows in results.sections for row in rows}
    found = []
    for benchmark in national.BENCHMARKS:
        row = by_code.get(benchmark.item)
        if row is not None:
            found.append(Comparison(benchmark.label, row.share_high, benchmark.percent, benchmark.year, benchmark.what))
    return found
