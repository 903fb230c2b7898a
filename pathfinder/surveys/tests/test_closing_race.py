"""Closing a survey while people are sending answers: no deadlock, no lost or
half-counted submission. PostgreSQL only: SQLite runs one writer at a time."""

import threading

import pytest
from django.db import connection, connections

from pathfinder.surveys import services
from pathfinder.surveys.models import Response

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")


@pytest.mark.django_db(transaction=True)
def test_closing_during_submissions_neither_deadlocks_nor_loses_anything(make_survey, world):
    survey = make_survey()
    codes = services.extra_codes(survey, 40, by=world.lead)
    outcomes, errors = [], []
    start = threading.Barrier(9)

    def answer(chunk):
        try:
            start.wait()
            for code in chunk:
                try:
                    services.submit(survey, services.Submission(answers={"about.role": "admin"}, code=code))
                    outcomes.append("sent")
                except services.SurveyNotOpen:
                    outcomes.append("closed")
        except Exception as error:  # a deadlock or any other database error fails the test
            errors.append(error)
        finally:
            connections.close_all()

    def close():
        try:
            start.wait()
            services.close_early(survey, version=survey.version, by=world.lead)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer, args=(codes[n::8],)) for n in range(8)] + [
        threading.Thread(target=close)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    sent = outcomes.count("sent")
    assert Response.objects.filter(survey=survey).count() == sent
    assert services.used_count(survey) == sent
