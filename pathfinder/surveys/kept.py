"""The results of closed surveys, worked out once per worker and kept in its
memory.

A closed survey's answers do not change, so `results.build` gives the same
figures every time for the same survey, questions, rules and filters. Working
them out means decrypting every answer (about 30 ms for 700 people), and the
results page, the dashboard's progress panel and the Progress page each did it
on every view. Here each result is kept once it is made, under a key holding
everything it depends on:

- the survey, its questionnaire version (and that version's checksum) and
  the questions it asked;
- whether it offers breakdowns, and the filters chosen (only real choices:
  anything else typed into the address counts as no choice, as on the page);
- the disclosure rules, with the padding worked out afresh on every view,
  because it changes when someone sent a code comes to see results;
- a fingerprint of its responses (how many, and the lowest and highest random
  id). Responses are never changed or deleted, only added while a survey is
  open, so a survey opened again that gets more answers has a new fingerprint.

The keep is this worker's memory only: never the cache table or a file, so a
copy of the database or the disk holds no results in the clear. It is bounded
(`LIMIT` results, none with very long comments). Comments are put in a new
random order each time they are shown, as when they were worked out per view.
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
from collections import OrderedDict

from django.db.models import CharField, Count, Max, Min
from django.db.models.functions import Cast

from pathfinder.instruments import disclosure
from pathfinder.surveys import results, services
from pathfinder.surveys.forms import asked_items
from pathfinder.surveys.models import Response, Survey

LIMIT = 64
# Results whose comments are longer than this in all are worked out each time, not kept.
COMMENTS_LIMIT = 500_000

_kept: OrderedDict[tuple, results.Results] = OrderedDict()
_lock = threading.Lock()

type Fingerprint = tuple[int, str, str]


def fingerprints(surveys) -> dict[int, Fingerprint]:
    """Each survey's (responses, lowest id, highest id): one query."""
    found = dict.fromkeys((survey.pk for survey in surveys), (0, "", ""))
    text_id = Cast("id", CharField())
    for survey_id, count, lowest, highest in (
        Response.objects.filter(survey__in=[survey.pk for survey in surveys])
        .order_by()
        .values("survey_id")
        .annotate(count=Count("id"), lowest=Min(text_id), highest=Max(text_id))
        .values_list("survey_id", "count", "lowest", "highest")
    ):
        found[survey_id] = (count, lowest, highest)
    return found


def _key(survey, fingerprint: Fingerprint, rules_: disclosure.Rules, params) -> tuple:
    definition = survey.instrument_version.parsed
    asked = asked_items(definition, survey)
    breakdowns = survey.distribution == Survey.Distribution.CODES
    chosen = ()
    if breakdowns:
        chosen = tuple(found.chosen for found in results.filters_for(definition, {item.code for item in asked}, params))
    return (
        survey.pk,
        survey.instrument_version_id,
        survey.instrument_version.checksum,
        tuple(item.code for item in asked),
        breakdowns,
        rules_,
        chosen,
        fingerprint,
    )


def _build(survey, answers, rules_, params) -> results.Results:
    definition = survey.instrument_version.parsed
    return results.build(
        definition,
        asked_items(definition, survey),
        answers,
        params,
        rules_=rules_,
        breakdowns=survey.distribution == Survey.Distribution.CODES,
    )


def _shown(made: results.Results) -> results.Results:
    """A copy to show: comments in a new random order, lists of its own."""
    randomness = secrets.SystemRandom()
    comments = []
    for found in made.comments:
        texts = list(found.texts)
        randomness.shuffle(texts)
        comments.append(dataclasses.replace(found, texts=texts))
    return dataclasses.replace(made, comments=comments)


def _keepable(made: results.Results) -> bool:
    return sum(len(text) for found in made.comments for text in found.texts) <= COMMENTS_LIMIT


def results_for(surveys, rules_of: dict[int, disclosure.Rules], params) -> dict[int, results.Results]:
    """results.build for each of these closed surveys with its rules and the
    chosen filters, from the keep where it is there: two queries when every
    result is kept, three when any must be worked out."""
    surveys = list(surveys)
    if not surveys:
        return {}
    prints = fingerprints(surveys)
    found: dict[int, results.Results] = {}
    missing = []
    for survey in surveys:
        key = _key(survey, prints[survey.pk], rules_of[survey.pk], params)
        with _lock:
            made = _kept.get(key)
            if made is not None:
                _kept.move_to_end(key)
        if made is None:
            missing.append((survey, key))
        else:
            found[survey.pk] = _shown(made)
    if missing:
        answers = services.answer_sets_for([survey for survey, _ in missing])
        for survey, key in missing:
            made = _build(survey, answers[survey.pk], rules_of[survey.pk], params)
            if _keepable(made):
                with _lock:
                    _kept[key] = made
                    while len(_kept) > LIMIT:
                        _kept.popitem(last=False)
            found[survey.pk] = _shown(made)
    return found


def results_of(survey, rules_: disclosure.Rules, params) -> results.Results:
    """One closed survey's results (see results_for)."""
    return results_for([survey], {survey.pk: rules_}, params)[survey.pk]


def forget() -> None:
    """Empty this worker's keep (for tests that count the work done)."""
    with _lock:
        _kept.clear()
