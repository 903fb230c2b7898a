"""Adversary 3: someone holding the database files (a copy of the SQLite file
with its -wal, a PostgreSQL dump, a replica, a backup), but not the
application's keys, at any moment, including while people are answering.

Each test attacks the real services and the real database and fails if a
response can be paired with a participant, an invitation, a code, a
reminder or a user, or if an answer can be read.
"""

import json
import os
import re
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from pathfinder.surveys import services
from pathfinder.surveys.models import Participant, Response, SpentCode, Survey
from pathfinder.surveys.tests.conftest import close, emailed_codes

ROOT = Path(settings.BASE_DIR)
CODE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}\b")
SECRET = "I am thinking of leaving"


def _rows(model):
    """Every column of every row, with the engine's own row identity and, on
    PostgreSQL, the transaction ids that wrote or locked it."""
    table = model._meta.db_table
    extra = "rowid" if connection.vendor == "sqlite" else "ctid::text, xmin::text, xmax::text"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {extra}, * FROM {table} ORDER BY 1")
        return cursor.fetchall()


def _answer_all(survey, count, comment=SECRET):
    for code in emailed_codes(survey, count):
        services.submit(
            survey, services.Submission(answers={"about.role": "practitioner", "needs.comments": comment}, code=code)
        )


def test_no_table_has_a_column_that_could_point_at_a_person_or_a_moment():
    assert {f.name for f in Response._meta.get_fields()} == {"id", "survey", "answers"}
    assert {f.name for f in SpentCode._meta.get_fields()} == {"id", "survey", "token"}
    assert {f.name for f in Participant._meta.get_fields()} == {"id", "survey", "user", "code_hash"}
    for model in (Response, SpentCode, Participant):
        kinds = {field.get_internal_type() for field in model._meta.get_fields() if hasattr(field, "get_internal_type")}
        assert not kinds & {"DateField", "DateTimeField", "TimeField"}, model


@pytest.mark.django_db(transaction=True)
def test_answering_never_writes_to_or_locks_a_participant_row(make_survey, world):
    survey = make_survey()
    codes = emailed_codes(survey, 12)
    before = _rows(Participant)
    for code in codes:
        services.submit(survey, services.Submission(answers={"about.role": "admin"}, code=code))
        assert _rows(Participant) == before  # a live poller sees nothing change
    assert Response.objects.filter(survey=survey).count() == 12


@pytest.mark.django_db(transaction=True)
def test_answers_are_unreadable_and_carry_no_time(make_survey, world):
    survey = make_survey()
    _answer_all(survey, 10)
    stored = list(Response.objects.values_list("answers", flat=True))
    assert stored and all(SECRET not in value and "practitioner" not in value for value in stored)
    assert all(value.startswith("u1.") for value in stored)  # AES-GCM, no Fernet timestamp
    # Two people giving the same answers store different bytes.
    assert len(set(stored)) == len(stored)
    close(survey, world)
    assert sorted(answers["needs.comments"] for _, answers in services.answer_sets(survey)) == [SECRET] * 10


@pytest.mark.django_db(transaction=True)
def test_a_used_mark_cannot_be_matched_to_anyone_without_the_keys(make_survey, world, settings):
    survey = make_survey()
    _answer_all(survey, 10)
    marks = set(SpentCode.objects.filter(survey=survey).values_list("token", flat=True))
    people = list(Participant.objects.filter(survey=survey).values_list("pk", "user_id", "code_hash"))
    # Nothing a reader can see in a participant row appears in, or hashes to, a mark.
    import hashlib

    for pk, user_id, code_hash in people:
        for guess in (str(pk), str(user_id), code_hash, f"{survey.pk}:{pk}", f"{survey.pk}:{user_id}"):
            assert hashlib.sha256(guess.encode()).hexdigest() not in marks
            assert guess not in marks
    # With other keys (as an attacker would have to guess), the marks match no one.
    settings.FIELD_ENCRYPTION_KEYS = ["x" * 43 + "="]
    assert services.used_count(survey) == 0


@pytest.mark.django_db(transaction=True)
def test_reminders_rewrite_everyone_so_copies_cannot_say_who_had_answered(make_survey, world, mailoutbox):
    survey = make_survey()
    codes = emailed_codes(survey, 12)
    for code in codes[:7]:
        services.submit(survey, services.Submission(answers={"about.role": "admin"}, code=code))
    before = {pk: code_hash for pk, code_hash in Participant.objects.values_list("pk", "code_hash")}
    mailoutbox.clear()
    assert services.remind(survey, by=world.lead) == 5
    after = {pk: code_hash for pk, code_hash in Participant.objects.values_list("pk", "code_hash")}
    assert all(before[pk] != after[pk] for pk in before)  # every row changed, answered or not
    survey.refresh_from_db()
    assert survey.reminded_on is not None  # a date for the survey, never per person
    # A person who answered cannot answer again with a reminder's code; one who had not, can.
    fresh = [CODE.search(message.body).group() for message in mailoutbox]
    services.submit(survey, services.Submission(answers={"about.role": "admin"}, code=fresh[0]))
    assert services.used_count(survey) == 8


@pytest.mark.skipif("sqlite" not in settings.DATABASES["default"]["ENGINE"], reason="reads SQLite files")
def test_a_copy_of_the_sqlite_file_and_its_wal_taken_mid_survey_links_nothing(tmp_path, db):
    """Copy a live SQLite database and its write-ahead log mid-survey, then read
    the raw frames: the pages written while people answered include no page of
    the participant table or its indexes, and no answer, date or address."""
    db_file = tmp_path / "live.sqlite3"
    target = sqlite3.connect(db_file)
    connection.ensure_connection()
    # The migrated schema, with the built-in questionnaires (a backup would wait on the test's open transaction).
    target.executescript("\n".join(connection.connection.iterdump()))
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_file}", "PATHFINDER_ENV": "development"}
    run = subprocess.run(
        [sys.executable, "-m", "pathfinder.testing.survey_day", str(db_file), str(tmp_path / "copy")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    facts = json.loads(run.stdout.strip().splitlines()[-1])
    wal = (tmp_path / "copy" / "copy.sqlite3-wal").read_bytes()
    main = (tmp_path / "copy" / "copy.sqlite3").read_bytes()
    page_size = facts["page_size"]
    assert len(wal) > 32, "the copy should hold the answers' frames"
    written = set()
    for offset in range(32, len(wal) - 24, 24 + page_size):
        (page,) = struct.unpack(">I", wal[offset : offset + 4])
        written.add(page)
    assert written, "no frames were read"
    assert not written & set(facts["participant_pages"]), "answering wrote a page holding participants"
    for blob in (wal, main):
        for secret in facts["secrets"]:
            assert secret.encode() not in blob
    assert facts["today"].encode() not in wal  # nothing written while answering holds a date
    for email in facts["emails"]:
        assert email.encode() not in wal


@pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="reads PostgreSQL pages")
@pytest.mark.django_db(transaction=True)
def test_postgres_row_versions_never_pair_an_answer_with_a_participant(make_survey, world):
    """xmin/xmax of every version of every participant row, live or dead (read
    with pageinspect), never equal the transaction that stored an answer; raw
    pages of the responses hold no answer in clear."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
    survey = make_survey()
    codes = emailed_codes(survey, 12)
    services.remind(survey, by=world.lead)  # leaves dead versions of every participant row

    def versions(table):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [table])
            blocks = cursor.fetchone()[0]
            found = []
            for block in range(blocks):
                cursor.execute(
                    "SELECT t_xmin::text, t_xmax::text FROM heap_page_items(get_raw_page(%s, %s)) WHERE t_xmin IS NOT NULL",
                    [table, block],
                )
                found.extend(cursor.fetchall())
            return found

    fresh = {p.user_id: p for p in Participant.objects.filter(survey=survey)}
    assert fresh
    before = versions("surveys_participant")
    # The reminder replaced the codes; answer with the new ones.
    from django.core import mail

    new_codes = [CODE.search(m.body).group() for m in mail.outbox if "reminder" in m.subject.lower()]
    assert len(new_codes) == len(codes)
    for code in new_codes:
        services.submit(survey, services.Submission(answers={"needs.comments": SECRET}, code=code))
    after = versions("surveys_participant")
    assert after == before  # not one participant row version was added, changed or locked
    with connection.cursor() as cursor:
        cursor.execute("SELECT xmin::text FROM surveys_response")
        answered_in = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT pg_relation_size('surveys_response') / current_setting('block_size')::int")
        blocks = cursor.fetchone()[0]
        raw = b""
        for block in range(blocks):
            cursor.execute("SELECT get_raw_page('surveys_response', %s)", [block])
            raw += bytes(cursor.fetchone()[0])
    assert answered_in and not answered_in & {x for pair in after for x in pair}
    assert SECRET.encode() not in raw


def test_nothing_about_answering_reaches_the_audit_trail(make_survey, world):
    from pathfinder.core.models import AuditEvent

    survey = make_survey()
    before = AuditEvent.objects.count()
    _answer_all(survey, 3)
    kinds = set(AuditEvent.objects.order_by("pk")[before:].values_list("kind", flat=True))
    assert kinds <= {"survey.invited"}  # inviting is recorded; answering never is


def test_the_survey_row_records_no_answer_times(make_survey, world):
    survey = make_survey()
    before = Survey.objects.filter(pk=survey.pk).values().get()
    _answer_all(survey, 3)
    assert Survey.objects.filter(pk=survey.pk).values().get() == before
