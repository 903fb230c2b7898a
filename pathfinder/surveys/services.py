"""State changes for surveys: creating, inviting, answering, closing, reminding.

Answering is the delicate part. The code is checked and spent, and the
answers stored, in one transaction; nothing is written before that, and
nothing written links the two (see docs/privacy.md).
"""

import secrets
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pathfinder.core import audit, crypto
from pathfinder.core.concurrency import save_if_current
from pathfinder.core.mail import send_mail
from pathfinder.core.rows import Converted
from pathfinder.surveys import codes
from pathfinder.surveys.models import Participant, Response, SpentCode, Survey


class CodeNotAccepted(Exception):
    """Unknown, already used or mistyped: deliberately one answer for all three."""


class SurveyNotOpen(Exception):
    pass


# The survey behind a public link, with only what the answer and thanks pages
# use: its own columns, its version's checksum and its service's name. Written
# out and read with a plain cursor (not built by the ORM, nor a raw queryset
# that works out its columns each time) because every respondent's page and
# submission starts here. The version's definition is not read: it never
# changes once stored and is parsed once per process (InstrumentVersion.parsed),
# loaded the first time the process sees the version.
_BY_LINK_COLUMNS = (
    "id",
    "programme_id",
    "instrument_version_id",
    "kind",
    "title",
    "distribution",
    "opens_on",
    "closes_on",
    "closed_early_on",
    "included_optional",
    "link_token",
    "archived",
    "version",
)
# The same columns, in the same order (the model's own: Model.from_db takes them so; a test checks both).
_BY_LINK = (
    "SELECT s.id, s.programme_id, s.instrument_version_id, s.kind, s.title, s.distribution, s.opens_on,"
    " s.closes_on, s.closed_early_on, s.included_optional, s.link_token, s.archived, s.version,"
    " v.checksum, p.service_id, sv.name"
    " FROM surveys_survey s"
    " JOIN instruments_instrumentversion v ON v.id = s.instrument_version_id"
    " JOIN programmes_programme p ON p.id = s.programme_id"
    " JOIN core_service sv ON sv.id = p.service_id"
    " WHERE s.link_token = %s"
)


_by_link = Converted(Survey, _BY_LINK_COLUMNS)


def survey_by_link(token: str) -> Survey | None:
    """The survey behind a public link; the token is the only key (unique)."""
    from pathfinder.core.models import Service
    from pathfinder.instruments.models import InstrumentVersion
    from pathfinder.programmes.models import Programme

    with connection.cursor() as cursor:
        cursor.execute(_BY_LINK, [token])
        row = cursor.fetchone()
    if row is None:
        return None
    checksum, service_id, service_name = row[len(_BY_LINK_COLUMNS) :]
    db = connection.alias
    # Only these columns are loaded; any other is read from the database if asked for.
    survey = _by_link.instance(row, db)
    survey.instrument_version = InstrumentVersion.from_db(
        db, ["id", "checksum"], [survey.instrument_version_id, checksum]
    )
    service = Service.from_db(db, ["id", "name"], [service_id, service_name])
    programme = Programme.from_db(db, ["id", "service_id"], [survey.programme_id, service_id])
    programme.service = service
    survey.programme = programme
    return survey


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


def _spent_tokens(survey_id: int, participant_id: int) -> list[str]:
    """The marks that say this invitation has been used, under each key, newest first."""
    return crypto.keyed_digests(f"{survey_id}:{participant_id}".encode(), purpose=b"survey-spent")


def _touch(survey) -> None:
    """Read every participant row once after it is written.

    On PostgreSQL the first read of a newly committed row sets its hint bits,
    which dirties the page it is on. Reading them now, rather than when someone
    answers, keeps answering from changing any page that holds participants."""
    if connection.vendor == "postgresql":
        transaction.on_commit(lambda: list(Participant.objects.filter(survey=survey).values_list("code_hash")))


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
    _touch(survey)
    audit.record(audit.Kind.SURVEY_INVITED, actor=by, service=survey.programme.service, target=survey, people=invited)
    return invited


@transaction.atomic
def extra_codes(survey, count: int, *, by) -> list[str]:
    """Codes to hand out on paper, e.g. to partners. Shown once, never stored."""
    made = [codes.new_code() for _ in range(count)]
    Participant.objects.bulk_create([Participant(survey=survey, code_hash=codes.code_hash(code)) for code in made])
    _touch(survey)
    audit.record(audit.Kind.SURVEY_INVITED, actor=by, service=survey.programme.service, target=survey, codes=count)
    return made


def _used(survey) -> set[int]:
    """Which participants have used their invitation. Needs the keys: this is
    the one place the application joins a mark to a person, and only to know
    whom to remind (never what they said)."""
    marks = set(SpentCode.objects.filter(survey=survey).values_list("token", flat=True))
    if not marks:
        return set()
    return {
        pk
        for pk in survey.participants.values_list("pk", flat=True)
        if any(token in marks for token in _spent_tokens(survey.pk, pk))
    }


def used_count(survey) -> int:
    """How many invitations have been used (the application's own figure; pages
    show only `presenters.participation`)."""
    return len(_used(survey))


@transaction.atomic
def remind(survey, *, by) -> int:
    """Remind those who have not answered, with a fresh code (only a hash of the
    first one was kept); the old code stops working.

    Everyone who was e-mailed a code gets a new hash, answered or not (those who
    answered are simply not sent theirs): so comparing copies of the database
    from before and after cannot tell who was reminded, and so who had answered."""
    Survey.objects.select_for_update().filter(pk=survey.pk).exists()  # one reminder run at a time
    used = _used(survey)
    people = list(survey.participants.exclude(user=None).select_related("user"))
    sent = 0
    for participant in people:
        code = codes.new_code()
        participant.code_hash = codes.code_hash(code)
        if participant.pk not in used:
            _send_code(survey, participant.user.email, code, reminder=True)
            sent += 1
    Participant.objects.bulk_update(people, ["code_hash"])
    _touch(survey)
    Survey.objects.filter(pk=survey.pk).update(reminded_on=timezone.localdate())
    audit.record(audit.Kind.SURVEY_REMINDED, actor=by, service=survey.programme.service, target=survey)
    return sent


@dataclass(frozen=True)
class Submission:
    answers: dict
    code: str = ""


# What a submission reads (surveys/models.py's tables). FOR SHARE OF s locks
# the survey row only; the participant sub-select is a plain read.
_OPEN_STATE = (
    "SELECT s.opens_on, s.closes_on, s.closed_early_on, s.distribution,"
    " (SELECT p.id FROM surveys_participant p WHERE p.survey_id = s.id AND p.code_hash = %s)"
    " FROM surveys_survey s WHERE s.id = %s"
)
_OPEN_STATE_LOCKED = (
    "SELECT s.opens_on, s.closes_on, s.closed_early_on, s.distribution,"
    " (SELECT p.id FROM surveys_participant p WHERE p.survey_id = s.id AND p.code_hash = %s)"
    " FROM surveys_survey s WHERE s.id = %s FOR SHARE OF s"
)
_SPEND = "INSERT INTO surveys_spentcode (survey_id, token) VALUES (%s, %s) ON CONFLICT DO NOTHING"
# On PostgreSQL the mark and the answers go in one statement (one round trip
# fewer on survey day): the answers' row is inserted only if the mark was new.
_SPEND_AND_STORE = (
    "WITH spent AS (INSERT INTO surveys_spentcode (survey_id, token) VALUES (%s, %s) ON CONFLICT DO NOTHING RETURNING 1)"
    " INSERT INTO surveys_response (id, survey_id, answers) SELECT %s, %s, %s WHERE EXISTS (SELECT 1 FROM spent)"
)


def _hold_open(survey_id: int, code_hash: str | None) -> tuple[Survey | None, int | None]:
    """Share-lock the survey row for this submission's transaction, and read
    what the submission needs from it, in one statement: whether it is open,
    how it is answered, and (for a code) the participant the code belongs to.

    Submissions share the lock with one another, but closing needs it
    exclusively: so a survey never closes half-way through someone's
    submission. SQLite runs one writing transaction at a time already.
    Only the survey row is locked (FOR SHARE OF): the participant is read in
    a sub-select, never locked, so nothing is written into its row.
    Returns (None, None) if the survey is gone."""
    statement = _OPEN_STATE_LOCKED if connection.vendor == "postgresql" else _OPEN_STATE
    with connection.cursor() as cursor:
        cursor.execute(statement, [code_hash, survey_id])  # no code: "= NULL" finds nobody
        row = cursor.fetchone()
    if row is None:
        return None, None
    opens_on, closes_on, closed_early_on, distribution, participant_id = row
    state = Survey(
        pk=survey_id,
        opens_on=opens_on,
        closes_on=closes_on,
        closed_early_on=closed_early_on,
        distribution=distribution,
    )
    return state, participant_id


def _spend(survey_id: int, participant_id: int | None, response: Response | None = None) -> None:
    """Use up the invitation of `participant_id` (the one the code belongs
    to), or raise CodeNotAccepted. With `response` (PostgreSQL only), store
    it in the same statement, if and only if the invitation was unused.

    The participant row is only read, never written or locked (a lock would
    write this transaction's id into it, beside the answers' row). Using the
    same invitation twice at once is stopped by the mark's unique constraint:
    the insert does nothing if the mark is there already (or, on PostgreSQL,
    waits for a submission in flight with the same code and then does
    nothing if that one was stored), so no savepoint is needed."""
    if participant_id is None:
        raise CodeNotAccepted
    newest, *older = _spent_tokens(survey_id, participant_id)
    # A mark made under an older key (not yet re-keyed by rotate_keys) counts too.
    if older and SpentCode.objects.filter(survey_id=survey_id, token__in=older).exists():
        raise CodeNotAccepted
    with connection.cursor() as cursor:
        if response is None:
            cursor.execute(_SPEND, [survey_id, newest])
        else:
            row = [field.get_db_prep_save(getattr(response, field.attname), connection) for field in _RESPONSE_COLUMNS]
            cursor.execute(_SPEND_AND_STORE, [survey_id, newest, *row])
        if cursor.rowcount != 1:
            raise CodeNotAccepted


# The columns of _SPEND_AND_STORE's answers row, in its order.
_RESPONSE_COLUMNS = [Response._meta.get_field(name) for name in ("id", "survey", "answers")]


@transaction.atomic
def submit(survey: Survey, submission: Submission) -> None:
    """Spend the code (if the survey uses codes) and store the answers.

    A submission with no answers at all spends the code (so no more reminders)
    but stores nothing: it is nobody's answer, and must not count towards any
    threshold.

    At most three statements, in one transaction: the survey read (and
    share-locked) with the code's participant, the mark that the code is
    used, and the answers. On PostgreSQL the last two are one statement."""
    state, participant_id = _hold_open(survey.pk, codes.code_hash(submission.code) if submission.code else None)
    if state is None or not state.is_open():
        raise SurveyNotOpen
    response = Response.sealed(survey, submission.answers) if submission.answers else None
    if state.distribution == Survey.Distribution.CODES:
        together = response is not None and connection.vendor == "postgresql"
        # No code, or one nobody was given: no participant.
        _spend(survey.pk, participant_id, response if together else None)
        if together:
            return
    if response is not None:
        response.save(force_insert=True)


def answer_sets(survey) -> list[tuple[str, dict]]:
    """Every response's answers, decrypted, as (random id, answers). Empty
    answer sets are left out: they are nobody's answer."""
    return answer_sets_for([survey])[survey.pk]


def answer_sets_for(surveys) -> dict[int, list[tuple[str, dict]]]:
    """answer_sets for many surveys at once: one query, in the order of the
    responses' random ids (never the order they were stored in)."""
    found: dict[int, list] = {survey.pk: [] for survey in surveys}
    for response in Response.objects.filter(survey__in=list(found)).only("id", "survey_id", "answers"):
        answers = response.answer_set()
        if answers:
            found[response.survey_id].append((str(response.id), answers))
    return found


def response_count(survey) -> int:
    return Response.objects.filter(survey=survey).count()


@transaction.atomic
def close_early(survey: Survey, *, version: int, by) -> None:
    Survey.objects.select_for_update().filter(pk=survey.pk).exists()  # waits for submissions in flight
    survey.closed_early_on = timezone.localdate()
    save_if_current(survey, version, ["closed_early_on"])
    audit.record(audit.Kind.SURVEY_CLOSED, actor=by, service=survey.programme.service, target=survey)


def rotate_keys() -> int:
    """Re-encrypt answers and re-key the used-invitation marks with the newest key."""
    changed = 0
    with transaction.atomic():
        for response in Response.objects.select_for_update().only("id", "survey_id", "answers"):
            if not crypto.undated_is_current(response.answers):
                context = Response.context(response.survey_id)
                response.answers = crypto.encrypt_undated(
                    crypto.decrypt_undated(response.answers, context=context), context=context
                )
                response.save(update_fields=["answers"])
                changed += 1
        for survey in Survey.objects.filter(spent_codes__isnull=False).distinct():
            marks = {mark.token: mark for mark in SpentCode.objects.filter(survey=survey)}
            for pk in survey.participants.values_list("pk", flat=True):
                newest, *older = _spent_tokens(survey.pk, pk)
                for token in older:
                    if token in marks and newest not in marks:
                        marks[token].token = newest
                        marks[token].save(update_fields=["token"])
                        changed += 1
    return changed


def known_answers(survey) -> int:
    """How many answers someone who can see the results might know already:
    one for every printed code (whoever handed the codes out saw them, and
    could have answered with them), plus one if anyone sent a code by e-mail
    can see the results (they know their own). The survey's rules are raised
    by this many.

    Printed codes count whether or not they were used: counting only used ones
    would let the limit itself say whether one partner's code was used."""
    return known_answers_for([survey])[survey.pk]


def known_answers_for(surveys) -> dict[int, int]:
    """known_answers for many surveys at once (two counting queries, however
    many codes; surveys need their programme loaded to know the service)."""
    from pathfinder.core.models import Membership
    from pathfinder.core.roles import Perm, roles_with

    with_codes = [survey for survey in surveys if survey.distribution == Survey.Distribution.CODES]
    found = dict.fromkeys((survey.pk for survey in surveys), 0)
    if not with_codes:
        return found
    ids = [survey.pk for survey in with_codes]
    printed = dict(
        Participant.objects.filter(survey_id__in=ids, user__isnull=True)
        .order_by()
        .values("survey_id")
        .annotate(count=Count("id"))
        .values_list("survey_id", "count")
    )
    # Surveys where someone sent a code holds a role that sees results in the survey's own service.
    viewer = Membership.objects.active().filter(
        user_id=OuterRef("user_id"),
        service_id=OuterRef("survey__programme__service_id"),
        role__in=roles_with(Perm.VIEW_SURVEY_RESULTS),
    )
    seen = set(
        Participant.objects.filter(survey_id__in=ids, user__isnull=False)
        .filter(Exists(viewer))
        .order_by()
        .values_list("survey_id", flat=True)
        .distinct()
    )
    for survey in with_codes:
        found[survey.pk] = printed.get(survey.pk, 0) + (1 if survey.pk in seen else 0)
    return found


def results_rules(survey):
    from pathfinder.surveys.results import rules

    return rules(known_answers(survey))


def has_answers(survey) -> bool:
    return Response.objects.filter(survey=survey).exists() or SpentCode.objects.filter(survey=survey).exists()


class HasAnswers(Exception):
    """A survey people have answered is archived, never deleted."""


@transaction.atomic
def delete_survey(survey, *, by) -> None:
    Survey.objects.select_for_update().filter(pk=survey.pk).exists()  # no answer can arrive meanwhile
    if has_answers(survey):
        raise HasAnswers
    audit.record(audit.Kind.SURVEY_DELETED, actor=by, service=survey.programme.service, title=survey.title)
    survey.delete()


def set_archived(survey, archived: bool, *, by) -> None:
    Survey.objects.filter(pk=survey.pk).update(archived=archived)
    audit.record(
        audit.Kind.SURVEY_ARCHIVED if archived else audit.Kind.SURVEY_RESTORED,
        actor=by,
        service=survey.programme.service,
        target=survey,
    )
