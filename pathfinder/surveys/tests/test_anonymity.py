"""The database alone cannot link a response to an invitation or a person."""

import uuid

from django.db import connection

from pathfinder.surveys import services
from pathfinder.surveys.models import Participant, Response
from pathfinder.surveys.tests.conftest import close
from pathfinder.testing.factories import MembershipFactory


def test_a_response_row_holds_nothing_that_points_at_a_person():
    fields = {field.name for field in Response._meta.get_fields()}
    assert fields == {"id", "survey", "answers", "submitted_on"}
    assert Response._meta.get_field("submitted_on").get_internal_type() == "DateField"
    participant_fields = {field.name for field in Participant._meta.get_fields()}
    assert not {"response", "answers"} & participant_fields


def test_response_ids_are_random_not_a_sequence(make_survey, world):
    survey = make_survey(distribution="link")
    for n in range(3):
        services.submit(survey, services.Submission(answers={"about.role": "admin", "n": n}))
    ids = list(Response.objects.values_list("id", flat=True))
    assert all(isinstance(value, uuid.UUID) and value.version == 4 for value in ids)


def test_sealing_breaks_the_order_that_could_line_codes_up_with_answers(make_survey, world, mailoutbox):
    survey = make_survey()
    people = [MembershipFactory(service=world.service).user for _ in range(24)]
    services.invite_members(survey, people, by=world.lead)
    codes = [message.body.split("Your code:")[1].split()[0] for message in mailoutbox]
    for position, code in enumerate(codes):
        services.submit(survey, services.Submission(answers={"position": position}, code=code))
    close(survey, world)
    assert survey.sealed
    table = Response._meta.db_table
    with connection.cursor() as cursor:
        order = "rowid" if connection.vendor == "sqlite" else "ctid"
        cursor.execute(f"SELECT answers FROM {table} ORDER BY {order}")
        stored = [row[0] for row in cursor.fetchall()]
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT count(DISTINCT xmin::text) FROM {table}")
            assert cursor.fetchone()[0] == 1  # every row written by the same sealing transaction
    positions = [
        (value if isinstance(value, dict) else __import__("json").loads(value))["position"] for value in stored
    ]
    assert sorted(positions) == list(range(24))
    assert positions != list(range(24))  # 1 in 24! chance of a false failure
    participants = list(Participant.objects.order_by("id").values_list("user_id", flat=True))
    assert participants != [person.pk for person in people]


def test_reminders_go_only_to_people_who_have_not_answered(make_survey, world, mailoutbox):
    survey = make_survey()
    first, second = (MembershipFactory(service=world.service).user for _ in range(2))
    services.invite_members(survey, [first, second], by=world.lead)
    code = mailoutbox[0].body.split("Your code:")[1].split()[0]
    services.submit(survey, services.Submission(answers={"about.role": "admin"}, code=code))
    mailoutbox.clear()
    assert services.remind(survey, by=world.lead) == 1
    assert [message.to for message in mailoutbox] == [[second.email]]
    assert "no longer works" in mailoutbox[0].body
