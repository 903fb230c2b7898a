"""Recording a measure: references, dates, a form sent twice, and what is stored."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from pathfinder.core.models import AuditEvent
from pathfinder.measures import services
from pathfinder.measures.models import Person, Record
from pathfinder.measures.tests.helpers import Q2, example, form_data, record


def _url(world, measure):
    return f"/programmes/{world.programme.pk}/measures/{measure.pk}/record/"


@pytest.mark.parametrize(
    ("reference", "why"),
    [
        ("0101901234", "CHI number"),
        ("010190 1234", "CHI number"),
        ("010-190-1234", "CHI number"),
        ("jo.bloggs@example.org", "e-mail address"),
        ("01/02/1990", "date of birth"),
        ("1990-02-01", "date of birth"),
        ("1 Feb 1990", "date of birth"),
        ("01021990", "date of birth"),
        ("", "Enter the person's reference"),
        ("KW<script>", "letters, numbers"),
        ("A" * 41, "up to 40 characters"),
    ],
)
def test_references_that_could_identify_someone_are_refused(reference, why):
    assert why in services.reference_problem(reference)


@pytest.mark.parametrize("reference", ["KW12-0042", "north 17", "AB/2026/15", "123456", "P-0001"])
def test_service_references_are_accepted(reference):
    assert services.reference_problem(reference) == ""


def test_a_refused_reference_is_kept_with_the_reason(world, as_user):
    measure = example(world)
    response = as_user(world.member).post(_url(world, measure), form_data("0101901234", Q2.isoformat()))
    assert response.status_code == 400
    text = response.content.decode()
    assert "This looks like a CHI number" in text
    assert 'value="0101901234"' in text
    assert 'value="2026-04-10"' in text
    assert not Record.objects.exists() and not Person.objects.exists()


def test_a_future_date_is_refused(world, as_user):
    measure = example(world)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = as_user(world.member).post(_url(world, measure), form_data("KW-1", tomorrow))
    assert response.status_code == 400
    assert "future" in response.content.decode()
    assert not Record.objects.exists()


def test_a_missing_answer_is_asked_for_and_nothing_is_saved(world, as_user):
    measure = example(world)
    data = form_data("KW-1", Q2.isoformat())
    del data["item_3"]
    response = as_user(world.member).post(_url(world, measure), data)
    assert response.status_code == 400
    assert "Choose an answer for" in response.content.decode()
    assert not Record.objects.exists()


def test_a_form_sent_twice_saves_one_record(world, as_user):
    measure = example(world)
    client = as_user(world.member)
    data = form_data("KW-7", Q2.isoformat(), value=4)
    assert client.post(_url(world, measure), data).status_code == 302
    again = client.post(_url(world, measure), data)
    assert again.status_code == 400
    assert "was not saved again" in again.content.decode()
    assert Record.objects.count() == 1
    # The same reference typed differently is the same person.
    assert client.post(_url(world, measure), form_data(" kw-7 ", Q2.isoformat())).status_code == 400
    assert Record.objects.count() == 1


def test_the_reference_is_never_stored(world):
    measure = example(world)
    saved = record(world, measure, "ZQXW-9911")
    assert saved.person.digest and "ZQXW" not in saved.person.digest
    # Search every table's text for the reference, however it was typed.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = [col.name for col in connection.introspection.get_table_description(cursor, table)]
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row).upper()
                assert "ZQXW" not in text, (table, columns)


def test_the_same_reference_at_two_services_gives_unrelated_people(world):
    assert services.person_digests(world.service, "KW-1") != services.person_digests(world.other_service, "KW-1")


def test_recording_is_audited_without_the_reference(world):
    measure = example(world)
    saved = record(world, measure, "KW-55")
    event = AuditEvent.objects.get(kind=services.RECORDED)
    assert event.target_id == str(saved.pk) and event.service == world.service
    assert "KW-55" not in str(event.detail)


def test_a_viewer_cannot_record_and_an_outsider_cannot_find_the_page(world, as_user):
    measure = example(world)
    assert as_user(world.viewer).get(_url(world, measure)).status_code == 403
    assert as_user(world.viewer).post(_url(world, measure), form_data("KW-1", Q2.isoformat())).status_code == 403
    assert as_user(world.outsider).get(_url(world, measure)).status_code == 404
    assert not Record.objects.exists()


def test_a_person_made_under_an_older_key_moves_to_the_newest(world, settings):
    from cryptography.fernet import Fernet

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    measure = example(world)
    first = record(world, measure, "KW-9")
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    second = record(world, measure, "KW-9", on=Q2.replace(day=20))
    assert second.person_id == first.person_id
    assert Person.objects.get().digest == services.person_digests(world.service, "KW-9")[0]
    assert Person.objects.count() == 1
