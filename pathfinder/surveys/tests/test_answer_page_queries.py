"""The answer page and sending answers do a fixed, small amount of database
work, however many people were invited or have answered: on survey day
everyone opens the page and sends their answers within minutes."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.surveys import services
from pathfinder.surveys.models import Response

ROLE = re.compile(r'name="(q\d+)" type="radio" value="practitioner"')


def url(survey):
    return f"/answer/{survey.link_token}/"


def statements(captured):
    """What was sent to the database, less the savepoints the test's own transaction adds."""
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))
    ]


def counted(client, method, path, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path) if method == "GET" else client.post(path, data)
    return response, statements(captured)


def test_the_page_and_a_submission_take_one_and_at_most_four_statements_however_many_have_answered(
    make_survey, world, as_user
):
    survey = make_survey()
    codes = services.extra_codes(survey, 40, by=world.lead)
    client = as_user(None)
    html = client.get(url(survey)).content.decode()  # the first view of a version also reads its questions
    role = ROLE.search(html).group(1)
    seen = []
    for sent, code in enumerate(codes[:20]):
        if sent in (0, 19):  # with none answered yet, and with many answered
            page, page_statements = counted(client, "GET", url(survey))
            answered, answer_statements = counted(client, "POST", url(survey), {"code": code, role: "manager"})
            assert page.status_code == 200
            assert answered.status_code == 302
            seen.append((len(page_statements), len(answer_statements)))
            assert page_statements[0].startswith("SELECT")  # the survey, by its link
            # The survey again (locked, with the code's participant), the used-code mark, the answers:
            # on PostgreSQL the mark and the answers in one statement, stored only if the mark was new.
            kinds = [statement.split()[0] for statement in answer_statements]
            if connection.vendor == "postgresql":
                assert kinds == ["SELECT", "SELECT", "WITH"]
                assert "surveys_spentcode" in answer_statements[2] and "surveys_response" in answer_statements[2]
            else:
                assert kinds == ["SELECT", "SELECT", "INSERT", "INSERT"]
                assert "surveys_spentcode" in answer_statements[2]
                assert "surveys_response" in answer_statements[3]
        else:
            assert client.post(url(survey), {"code": code, role: "admin"}).status_code == 302
    expected = 3 if connection.vendor == "postgresql" else 4
    assert seen == [(1, expected), (1, expected)]
    assert Response.objects.filter(survey=survey).count() == 20


def test_a_refused_code_writes_nothing_and_stays_small(make_survey, world, as_user):
    survey = make_survey()
    [code] = services.extra_codes(survey, 1, by=world.lead)
    client = as_user(None)
    role = ROLE.search(client.get(url(survey)).content.decode()).group(1)
    assert client.post(url(survey), {"code": code, role: "manager"}).status_code == 302
    for typed in (code, "ZZZZ-ZZZZ-ZZ"):  # used already, and never given
        refused, refused_statements = counted(client, "POST", url(survey), {"code": typed, role: "manager"})
        assert refused.status_code == 200
        assert "That code does not work" in refused.content.decode()
        # The survey by its link, then (rolled back) the lock and the mark that was already there, if any.
        assert len(refused_statements) <= 3
        # Only the combined mark-and-answers statement (PostgreSQL) names the answers, and it
        # stores them only with a new mark: the count below says it stored nothing.
        naming = [statement for statement in refused_statements if "surveys_response" in statement]
        assert all(statement.startswith("WITH spent AS") for statement in naming)
        assert len(naming) <= (1 if connection.vendor == "postgresql" else 0)
        assert Response.objects.filter(survey=survey).count() == 1
    assert Response.objects.filter(survey=survey).count() == 1


def test_a_link_survey_takes_three_statements(make_survey, as_user):
    survey = make_survey(distribution="link")
    client = as_user(None)
    role = ROLE.search(client.get(url(survey)).content.decode()).group(1)
    page, page_statements = counted(client, "GET", url(survey))
    answered, answer_statements = counted(client, "POST", url(survey), {role: "manager"})
    assert page.status_code == 200 and answered.status_code == 302
    assert len(page_statements) == 1
    assert [statement.split()[0] for statement in answer_statements] == ["SELECT", "SELECT", "INSERT"]
    assert Response.objects.filter(survey=survey).count() == 1
