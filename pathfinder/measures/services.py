"""Loading measures, checking people's references and recording answers.

A person is known only by the reference staff type for them, which must be
the service's own pseudonymous reference: never a CHI number, an e-mail
address or a date of birth. Only a keyed digest of it is stored, under a key
the database does not hold and a purpose that names the service, so the same
reference typed at two services gives two unrelated digests.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from django.db import IntegrityError, transaction

from pathfinder.core import audit
from pathfinder.core.crypto import keyed_digests
from pathfinder.instruments import scoring
from pathfinder.instruments.definition import MEASURE_PURPOSES, Definition, DefinitionError
from pathfinder.instruments.loading import parse_text, store
from pathfinder.measures.models import Measure, Person, Record

EXAMPLE = Path(__file__).parent / "definitions" / "example-wellbeing-check.yaml"
MAX_FILE_BYTES = 512 * 1024

# Audit kinds of this app (the activity log shows the kind as written when it
# has no label of its own).
LOADED = "measures.loaded"
RECORDED = "measures.recorded"


# --- References ------------------------------------------------------------------------------

REFERENCE_MAX = 40
_ALLOWED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 /_.-]*$")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATES = (
    re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b"),
    re.compile(r"\b\d{4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*{_MONTHS}\.?,?\s*\d{{2,4}}\b", re.IGNORECASE),
)

WHY = "Use the reference your service gives the person, such as their key-worker code and a number."


def reference_problem(reference: str) -> str:
    """Why this reference cannot be used, in plain words, or "" if it can."""
    typed = reference.strip()
    if not typed:
        return "Enter the person's reference."
    if len(typed) > REFERENCE_MAX:
        return f"The reference can be up to {REFERENCE_MAX} characters. Use the shorter reference your service gives."
    if "@" in typed:
        return f"This looks like an e-mail address. E-mail addresses identify people, so they cannot be used. {WHY}"
    digits = re.sub(r"[\s-]", "", typed)
    if digits.isdigit() and len(digits) == 10:
        return f"This looks like a CHI number. CHI numbers identify people, so they cannot be used. {WHY}"
    if any(pattern.search(typed) for pattern in _DATES) or (digits.isdigit() and len(digits) == 8 and _is_date(digits)):
        return f"This looks like a date, such as a date of birth, which could identify someone. {WHY}"
    if not _ALLOWED.match(typed):
        return "Use only letters, numbers, spaces and hyphens in the reference."
    return ""


def _is_date(digits: str) -> bool:
    """Eight digits that read as a real day: DDMMYYYY or YYYYMMDD."""
    for day, month, year in ((digits[:2], digits[2:4], digits[4:]), (digits[6:], digits[4:6], digits[:4])):
        try:
            if 1900 <= int(year) <= 2100:
                date(int(year), int(month), int(day))
                return True
        except ValueError:
            pass
    return False


def normalise(reference: str) -> str:
    """The same reference however it is typed: capitals, no spaces."""
    return re.sub(r"\s+", "", reference).upper()


def person_digests(service, reference: str) -> list[str]:
    """The reference's keyed digest under each configured key, newest first."""
    purpose = f"pathfinder-measures-person:{service.pk}".encode()
    return keyed_digests(normalise(reference).encode(), purpose=purpose)


def person_for(service, reference: str) -> Person:
    digests = person_digests(service, reference)
    person = Person.objects.filter(service=service, digest__in=digests).first()
    if person is None:
        person, _ = Person.objects.get_or_create(service=service, digest=digests[0])
    elif person.digest != digests[0]:
        # Made under an older key: move it to the newest, so rotation completes.
        person.digest = digests[0]
        person.save(update_fields=["digest"])
    return person


# --- Loading measures -------------------------------------------------------------------------


class CannotLoad(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def measure_definition(text: str, name: str) -> Definition:
    try:
        definition = parse_text(text, source=name)
    except DefinitionError as error:
        raise CannotLoad(error.problems) from None
    if definition.purpose not in MEASURE_PURPOSES:
        raise CannotLoad(
            [
                f'purpose: this file is for "{definition.purpose}"; only an outcome measure '
                '("outcome_measure") or a screening questionnaire ("screening") can be loaded here'
            ]
        )
    return definition


@transaction.atomic
def load(service, *, text: str, name: str, better: str, by) -> Measure:
    """Load a measure definition for `service` alone, as a new measure or a new version."""
    definition = measure_definition(text, name)
    try:
        version = store(definition, owner=service, by=by)
    except DefinitionError as error:
        raise CannotLoad(error.problems) from None
    measure, created = Measure.objects.get_or_create(
        service=service, instrument=version.instrument, defaults={"better": better, "added_by": by}
    )
    if not created and measure.better != better:
        measure.better = better
        measure.save(update_fields=["better"])
    audit.record(LOADED, actor=by, service=service, target=measure, version=version.version)
    return measure


def load_example(service, *, by) -> Measure:
    return load(service, text=EXAMPLE.read_text(encoding="utf-8"), name=EXAMPLE.name, better="higher", by=by)


# --- Recording ----------------------------------------------------------------------------------


class AlreadyRecorded(ValueError):
    pass


def scores_for(definition: Definition, answers: dict) -> dict[str, float | None]:
    scores = {"overall": scoring.overall_score(definition, answers).score}
    for group in scoring.section_scores(definition, answers):
        scores[f"section:{group.key}"] = group.score
    for group in scoring.subscale_scores(definition, answers):
        scores[f"subscale:{group.key}"] = group.score
    return scores


def record(measure: Measure, *, version, reference: str, recorded_on: date, answers: dict, by) -> Record:
    """Save one person's answers on a date. A second record for the same person
    and day (a form sent twice, say) is refused, and nothing is saved."""
    problem = reference_problem(reference)
    if problem:
        raise ValueError(problem)
    definition = version.parsed
    scores = scores_for(definition, answers)
    try:
        with transaction.atomic():
            person = person_for(measure.service, reference)
            saved = Record.objects.create(
                measure=measure,
                version=version,
                person=person,
                recorded_on=recorded_on,
                answers=answers,
                scores=scores,
                recorded_by=by,
            )
    except IntegrityError:
        raise AlreadyRecorded(
            "This person already has a record of this measure on this date, so it was not saved again. "
            "If the form was sent twice, the first one was saved."
        ) from None
    audit.record(RECORDED, actor=by, service=measure.service, target=saved, measure=measure.pk)
    return saved
