"""State changes for surveys: creating, inviting, answering, closing, reminding.

Answering is the delicate part. The code is checked and spent, and the
answers stored, in one transaction; nothing is written before that, and
nothing written links the two.
"""

import secrets
from dataclasses import dataclass

from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.core.mail import send_mail
from pathfinder.surveys import codes
from pathfinder.surveys.models import Participant, Response, Survey


class CodeNotAccepted(Exception):
    """Unknown, already used or mistyped: deliberately one answer for all three."""


class SurveyNotOpen(Exception):
    pass


def survey_by_link(token: str) -> Survey | None:
    """The survey behind a public link; the token is the only key."""
    return Survey.objects.select_related("instrument_version", "programme__service").filter(link_token=token).first()


@transaction.atomic
def create_survey(
    *, programme, instrument_version, kind, title, distribution, opens_on, closes_on, included_optional, by
):
    survey = Survey.objects.create(
        programme=programme,
        instrument_version=instrument_version,
        kind=kind,
        title=title,
        distribution=distribution,
        opens_on=opens_on,
        closes_on=closes_on,
        included_optional=sorted(included_optional),
        link_token=secrets.token_urlsafe(16),
        created_by=by,
    )
    audit.record(audit.Kind.SURVEY_CREATED, actor=by, service=programme.service, target=survey)
    return survey


def set_optional_questions(survey, included: list[str]) -> None:
    optional = {item.code for item in survey.instrument_version.parsed.items if item.optional}
    survey.included_optional = sorted(set(included) & optional)
    survey.save(update_fields=["included_optional"])


def _link(survey) -> str:
    from pathfinder.core.links import absolute_url

    return absolute_url(reverse("survey_answer", args=[survey.link_token]))


def _send_code(survey, email: str, code: str, reminder: bool = False) -> None:
    context = {"survey": survey, "code": code, "link": _link(survey), "reminder": reminder}
    send_mail(
        subject=("A reminder: " if reminder else "") + f"{survey.title} – your code",
        message=render_to_string("surveys/email/code.txt", context),
        from_email=None,
        recipient_list=[email],
    )


@transaction.atomic
def invite_members(survey, users, *, by) -> int:
    """E-mail each person their own code. Returns how many were invited."""
    already = set(survey.participants.exclude(user=None).values_list("user_id", flat=True))
    invited = 0
    for user in users:
        if user.pk in already:
            continue
        code = codes.new_code()
        Participant.objects.create(survey=survey, user=user, code_hash=codes.code_hash(code))
        _send_code(survey, user.email, code)
        invited += 1
    audit.record(audit.Kind.SURVEY_INVITED, actor=by, service=survey.programme.service, target=survey, people=invited)
    return invited


@transaction.atomic
def extra_codes(survey, count: int, *, by) -> list[str]:
    """Codes to hand out on paper, e.g. to partners. Shown once, never stored."""
    made = [codes.new_code() for _ in range(count)]
    Participant.objects.bulk_create([Participant(survey=survey, code_hash=codes.code_hash(code)) for code in made])
    audit.record(audit.Kind.SURVEY_INVITED, actor=by, service=survey.programme.service, target=survey, codes=count)
    return made


@transaction.atomic
def remind(survey, *, by) -> int:
    """Remind only those who have not responded, with a fresh code (only a
    hash of the first one was kept); the old code stops working."""
    waiting = survey.participants.filter(responded=False).exclude(user=None).select_related("user")
    sent = 0
    for participant in waiting:
        code = codes.new_code()
        participant.code_hash = codes.code_hash(code)
        participant.reminded_on = timezone.localdate()
        participant.save(update_fields=["code_hash", "reminded_on"])
        _send_code(survey, participant.user.email, code, reminder=True)
        sent += 1
    audit.record(audit.Kind.SURVEY_REMINDED, actor=by, service=survey.programme.service, target=survey, people=sent)
    return sent


@dataclass(frozen=True)
class Submission:
    answers: dict
    code: str = ""


def _hold_open(survey_id: int) -> None:
    """Share-lock the survey row for this submission's transaction.

    Submissions share the lock with one another, but closing (and sealing,
    which rewrites every row) needs it exclusively: so a survey never closes
    half-way through someone's submission, and both always lock the survey
    before the participants, which rules out a deadlock between them.
    SQLite runs one writing transaction at a time already.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM surveys_survey WHERE id = %s FOR SHARE", [survey_id])


@transaction.atomic
def submit(survey: Survey, submission: Submission) -> None:
    """Spend the code (if the survey uses codes) and store the answers."""
    _hold_open(survey.pk)
    survey = Survey.objects.get(pk=survey.pk)
    if not survey.is_open():
        raise SurveyNotOpen
    if survey.distribution == Survey.Distribution.CODES:
        spent = Participant.objects.filter(
            survey=survey, code_hash=codes.code_hash(submission.code), responded=False
        ).update(responded=True)
        if spent != 1:
            raise CodeNotAccepted
    Response.objects.create(survey=survey, answers=submission.answers, submitted_on=timezone.localdate())


@transaction.atomic
def close_early(survey: Survey, *, version: int, by) -> None:
    Survey.objects.select_for_update().filter(pk=survey.pk).exists()  # waits for submissions in flight
    survey.closed_early_on = timezone.localdate()
    save_if_current(survey, version, ["closed_early_on"])
    audit.record(audit.Kind.SURVEY_CLOSED, actor=by, service=survey.programme.service, target=survey)
    seal(survey)


@transaction.atomic
def seal(survey: Survey) -> bool:
    """Once a survey has closed, rewrite its participants and responses in a
    random order, with new ids, in one transaction.

    While a survey is open, rows are stored in the order people submit, and a
    database administrator reading system columns could line up the k-th code
    spent with the k-th response. Rewriting both tables together removes that
    ordering, which is why results are only shown after sealing.
    Returns True if it sealed now, False if it was already sealed or still open.
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.sealed or not survey.has_closed():
        return False
    randomness = secrets.SystemRandom()
    answers = list(survey.responses.values_list("answers", "submitted_on"))
    people = list(
        survey.participants.values_list("user_id", "email", "code_hash", "invited_on", "reminded_on", "responded")
    )
    survey.responses.all().delete()
    survey.participants.all().delete()
    randomness.shuffle(answers)
    randomness.shuffle(people)
    Response.objects.bulk_create([Response(survey=survey, answers=a, submitted_on=on) for a, on in answers])
    Participant.objects.bulk_create(
        [
            Participant(survey=survey, user_id=u, email=e, code_hash=h, invited_on=i, reminded_on=r, responded=d)
            for u, e, h, i, r, d in people
        ]
    )
    Survey.objects.filter(pk=survey.pk).update(sealed=True)
    return True
