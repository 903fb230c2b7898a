"""Staff survey results at national level.

For each questionnaire Pathfinder ships (the training needs analysis and the
wellbeing pulse: services' own questionnaires differ, so cannot be pooled),
each service's latest closed survey counts. Every figure pools people across
the group's services and goes through the disclosure gate: the people are
taken a service at a time (no national filter splits a service), so the gate
reasons about services weighted by how many people answered
(`disclosure.released_blocks`), and each question is checked over the people
who gave it a value, as the service's own results page does.

Each survey's summary (SurveySummary) is worked out once, from the decrypted
answers, and kept encrypted. The limit is raised by the most answers anyone
might already know in any one of the pooled surveys (printed codes, a code
sent to someone who can see results: surveys.services.known_answers_for),
since one service's lead might read the national view."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from pathfinder.core import crypto
from pathfinder.instruments import disclosure
from pathfinder.national import gate
from pathfinder.national.models import SurveySummary
from pathfinder.surveys.models import Response, Survey
from pathfinder.surveys.services import known_answers_for

NUMERIC = {"scale", "number"}


@dataclass(frozen=True)
class Summary:
    instrument: str  # the questionnaire's key
    responses: int
    known: int
    items: dict[str, tuple[int, float]]  # code: (people who gave a value, their total)


def _summarise(survey: Survey, answer_sets: list[dict], known: int) -> dict:
    definition = survey.instrument_version.parsed
    items: dict[str, list] = {}
    for section in definition.sections:
        for item in section.items:
            if item.type not in NUMERIC:
                continue
            values = [float(answers[item.code]) for answers in answer_sets if answers.get(item.code) is not None]
            items[item.code] = [len(values), sum(values)]
    return {"responses": len(answer_sets), "known": known, "items": items}


def _make(missing: list[Survey]) -> None:
    """Summaries of surveys that have none yet: answers read in one query."""
    answers: dict[int, list[dict]] = defaultdict(list)
    for response in Response.objects.filter(survey__in=missing).only("id", "survey_id", "answers"):
        found = response.answer_set()
        if found:
            answers[response.survey_id].append(found)
    known = known_answers_for(missing)
    with transaction.atomic():
        SurveySummary.objects.bulk_create(
            [
                SurveySummary(
                    survey=survey,
                    data=crypto.encrypt(json.dumps(_summarise(survey, answers[survey.pk], known[survey.pk]))),
                )
                for survey in missing
            ],
            ignore_conflicts=True,  # two pages working the same one out at once: the first is kept
        )


def summaries(service_ids: list[int]) -> tuple[dict[int, dict[str, Summary]], dict[str, dict]]:
    """{service: {questionnaire key: summary of its latest closed survey}} and
    {questionnaire key: {"name", "items": [(code, text)]}}. A fixed number of
    queries once every summary exists."""
    surveys = [
        survey
        for survey in Survey.objects.filter(
            programme__service_id__in=service_ids, archived=False, instrument_version__instrument__owner__isnull=True
        )
        .select_related("instrument_version__instrument", "programme")
        .order_by("closes_on", "pk")
        if survey.has_closed()
    ]
    latest: dict[tuple[int, str], Survey] = {}
    for survey in surveys:
        latest[(survey.programme.service_id, survey.instrument_version.instrument.key)] = survey  # later wins
    chosen = list(latest.values())
    kept = {row.survey_id: row for row in SurveySummary.objects.filter(survey__in=chosen)}
    missing = [survey for survey in chosen if survey.pk not in kept]
    if missing:
        _make(missing)
        kept = {row.survey_id: row for row in SurveySummary.objects.filter(survey__in=chosen)}
    found: dict[int, dict[str, Summary]] = defaultdict(dict)
    questionnaires: dict[str, dict] = {}
    for (service_id, key), survey in latest.items():
        data = json.loads(crypto.decrypt(kept[survey.pk].data))
        found[service_id][key] = Summary(
            instrument=key,
            responses=data["responses"],
            known=data["known"],
            items={code: (n, total) for code, (n, total) in data["items"].items()},
        )
        if key not in questionnaires:
            definition = survey.instrument_version.parsed
            questionnaires[key] = {
                "name": survey.instrument_version.instrument.name,
                "items": [
                    (item.code, item.text, _range(definition, item))
                    for section in definition.sections
                    for item in section.items
                    if item.type in NUMERIC
                ],
            }
    return dict(found), dict(sorted(questionnaires.items(), key=lambda pair: pair[1]["name"]))


def _range(definition, item) -> str:
    """What an average is out of: "1 to 5" for a scale, nothing for a number."""
    if item.type != "scale":
        return ""
    values = [point.value for point in definition.scale_for(item).points]
    return f"{min(values)} to {max(values)}" if values else ""


def rotate_all() -> int:
    changed = 0
    for row in SurveySummary.objects.only("pk", "data"):
        rotated = crypto.rotate(row.data)
        if rotated != row.data:
            SurveySummary.objects.filter(pk=row.pk).update(data=rotated)
            changed += 1
    return changed


# --- What the page shows ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemLine:
    text: str
    scale: str  # "1 to 5", or "" for a number
    people: disclosure.Released[int]
    mean: disclosure.Released[float]


@dataclass(frozen=True)
class SurveyLines:
    name: str
    services: int | None  # services with a closed survey; None when not shown
    people: disclosure.Released[int]
    items: list[ItemLine]


def rules_for(summaries_in_view: list[Summary]) -> disclosure.Rules:
    known = max((summary.known for summary in summaries_in_view), default=0)
    return disclosure.Rules(min_group=settings.PATHFINDER_MIN_GROUP).with_padding(known)


class Gates:
    """The gate's answers, asked once for each distinct weighting of services."""

    def __init__(self, groups):
        self.groups = groups
        self.cache: dict[tuple, set] = {}

    def released(self, key, sizes: dict[int, int], rules_: disclosure.Rules) -> bool:
        asked = (tuple(sorted(sizes.items())), rules_)
        if asked not in self.cache:
            self.cache[asked] = disclosure.released_blocks(self.groups, sizes, rules_)
        return key in self.cache[asked]


def lines(national, key) -> list[SurveyLines]:
    members = {row.id for row in national.members(key)}
    found = []
    for instrument, about in national.questionnaires.items():
        having = {sid: by_key[instrument] for sid, by_key in national.surveys.items() if instrument in by_key}
        rules_ = rules_for(list(having.values()))
        gates = national.survey_gates
        sizes = {sid: summary.responses for sid, summary in having.items()}
        inside = [sid for sid in having if sid in members]
        if not inside:
            continue
        if not gates.released(key, sizes, rules_):
            hidden = disclosure.not_released(rules_)
            found.append(SurveyLines(about["name"], None, hidden, []))
            continue
        items = []
        for code, text, scale in about["items"]:
            answered = {sid: summary.items.get(code, (0, 0.0))[0] for sid, summary in having.items()}
            n = sum(answered[sid] for sid in inside)
            if not n:
                continue
            if not gates.released(key, answered, rules_):
                items.append(ItemLine(text, scale, disclosure.not_released(rules_), disclosure.not_released(rules_)))
                continue
            total = sum(having[sid].items.get(code, (0, 0.0))[1] for sid in inside)
            items.append(
                ItemLine(text, scale, disclosure.group_size(n, rules_), disclosure.mean_of_totals(total, n, rules_))
            )
        people = sum(sizes[sid] for sid in inside)
        found.append(SurveyLines(about["name"], len(inside), disclosure.group_size(people, rules_), items))
    return found


def groups_of(national) -> dict:
    """Every group the filters can make, as the services in it."""
    return gate.service_groups([row.facts for row in national.rows])
