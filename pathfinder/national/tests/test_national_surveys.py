"""Staff survey results pooled across services, through the gate."""

import pytest
from django.db import connection
from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.national import services, survey_results
from pathfinder.national.models import SurveySummary
from pathfinder.national.services import oversights
from pathfinder.national.tests.test_national_views import text
from pathfinder.surveys import services as surveys
from pathfinder.surveys.models import Survey
from pathfinder.surveys.tests.conftest import respond

EVERYONE = (None, None, None, None)
PULSE = "Staff wellbeing pulse"


@pytest.fixture
def pulse(db):
    return InstrumentVersion.objects.get(instrument__key="wellbeing-pulse", instrument__owner=None)


def closed_pulse(case, pulse, answers, *, distribution="link"):
    today = timezone.localdate()
    survey = surveys.create_survey(
        programme=case.programme,
        instrument_version=pulse,
        kind="wellbeing",
        title="Pulse",
        distribution=distribution,
        opens_on=today,
        closes_on=today + timezone.timedelta(days=14),
        included_optional=[],
        by=case.lead.user,
    )
    respond(survey, answers)
    Survey.objects.filter(pk=survey.pk).update(closed_early_on=today)
    return survey


def answers(value, n):
    return [{"pulse.switch_off": value, "pulse.enough_time": value} for _ in range(n)]


def test_answers_are_pooled_across_services_and_each_question_goes_through_the_gate(nation, pulse, as_user):
    closed_pulse(nation.a, pulse, answers(2, 4))
    closed_pulse(nation.b, pulse, answers(4, 4))
    closed_pulse(nation.c, pulse, answers(3, 4))
    data = services.load(oversights(nation.national))
    (line,) = services.figures(data, EVERYONE).surveys
    assert (line.name, line.services, line.people) == (PULSE, 3, 12)
    switch_off = next(item for item in line.items if item.text.startswith("felt able to switch off"))
    assert (switch_off.people, switch_off.mean) == (12, 3.0)
    page = text(as_user(nation.national).get("/national/"))
    assert "Staff surveys" in page and "12 people answered, across 3 services" in page
    # North's services are the same three: the same figure, nothing new to subtract.
    north = services.figures(data, (nation.north.pk, None, None, None)).surveys[0]
    assert north.people == 12
    # One service alone (rural narrows to Hill and River, 8 people): below the limit, not shown.
    rural = services.figures(data, (None, None, "rural", None)).surveys[0]
    assert rural.services is None and str(rural.people) == "not shown"


def test_a_group_that_would_leave_a_few_people_apart_is_not_shown(nation, pulse):
    closed_pulse(nation.a, pulse, answers(2, 10))
    closed_pulse(nation.b, pulse, answers(4, 10))
    closed_pulse(nation.lone, pulse, answers(5, 3))  # Glen: 3 people in the south
    data = services.load(oversights(nation.national))
    everyone = services.figures(data, EVERYONE).surveys[0]
    north = services.figures(data, (nation.north.pk, None, None, None)).surveys[0]
    # Everyone (23) and North (20) both shown would give away Glen's 3: the gate shows only the larger.
    assert everyone.people == 23
    assert north.services is None


def test_summaries_are_kept_encrypted_and_worked_out_once(nation, pulse):
    survey = closed_pulse(nation.a, pulse, answers(2, 10))
    services.load(oversights(nation.national))
    row = SurveySummary.objects.get(survey=survey)
    assert "switch_off" not in row.data and "responses" not in row.data
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM national_surveysummary")
        (stored,) = cursor.fetchone()
    assert "pulse." not in stored
    services.load(oversights(nation.national))
    assert SurveySummary.objects.count() == 1


def test_open_surveys_and_services_own_questionnaires_are_left_out(nation, pulse):
    today = timezone.localdate()
    surveys.create_survey(
        programme=nation.a.programme,
        instrument_version=pulse,
        kind="wellbeing",
        title="Still open",
        distribution="link",
        opens_on=today,
        closes_on=today + timezone.timedelta(days=14),
        included_optional=[],
        by=nation.a.lead.user,
    )
    data = services.load(oversights(nation.national))
    assert services.figures(data, EVERYONE).surveys == []


def test_printed_codes_raise_the_limit(nation, pulse):
    survey = closed_pulse(nation.a, pulse, [], distribution="codes")
    surveys.extra_codes(survey, 3, by=None)
    assert surveys.known_answers_for([survey]) == {survey.pk: surveys.known_answers(survey)} == {survey.pk: 3}
    found = survey_results.rules_for(
        [survey_results.Summary("wellbeing-pulse", 10, 3, {}), survey_results.Summary("wellbeing-pulse", 10, 1, {})]
    )
    assert found.min_group == 13


def test_summaries_rotate_with_the_keys(nation, pulse, settings):
    from cryptography.fernet import Fernet

    from pathfinder.core import crypto

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    closed_pulse(nation.a, pulse, answers(2, 10))
    services.load(oversights(nation.national))
    before = SurveySummary.objects.get().data
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert crypto.rotate_everything()["national survey summaries"] == 1
    settings.FIELD_ENCRYPTION_KEYS = [new]
    after = SurveySummary.objects.get().data
    assert after != before and '"responses": 10' in crypto.decrypt(after)
