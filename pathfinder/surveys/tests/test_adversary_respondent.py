"""Adversary 2: a respondent, perhaps with a shared link, who may answer many
times from fresh browsers; and a respondent who happens to be signed in.
Bad input (tampered codes, replayed forms, a survey closed mid-answer, an
empty form) gets a calm message, keeps what was typed, and stores nothing
that could link."""

import logging

from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from pathfinder.surveys import services
from pathfinder.surveys.models import Response, SpentCode, Survey
from pathfinder.surveys.tests.conftest import close, emailed_codes, respond
from pathfinder.testing.pages import check_page


def url(survey):
    return f"/answer/{survey.link_token}/"


def role_field(page):
    for legend in page.css("legend"):
        if legend.text_content().strip().startswith("What is your role"):
            return legend.getparent().cssselect("input")[0].get("name")
    raise AssertionError("no role question")


def test_a_shared_link_answered_twice_in_one_browser_is_asked_not_to(make_survey, world, as_user):
    survey = make_survey(distribution="link")
    client = as_user(None)
    role = role_field(client.get(url(survey)).page)
    client.post(url(survey), {role: "admin"})
    again = client.get(url(survey))
    assert "already" in again.page.text().lower()
    client.post(url(survey), {role: "admin"})
    assert Response.objects.filter(survey=survey).count() == 1


def test_a_shared_link_survey_offers_no_breakdown_because_it_can_be_padded(make_survey, world, as_user):
    survey = make_survey(distribution="link")
    respond(survey, [{"about.role": "practitioner", "about.area": "community"}] * 20)
    respond(survey, [{"about.role": "manager", "about.area": "community"}] * 12)
    detail = as_user(world.lead).get(f"/surveys/{survey.pk}/").page.text()
    assert "What a shared link cannot protect" in detail
    close(survey, world)
    page = as_user(world.lead).get(f"/surveys/{survey.pk}/results/?about.role=manager").page
    assert not page.css("select")
    assert "32 people answered" in page.text()  # the filter was ignored: everyone together
    assert "only for everyone together" in page.text()


def test_a_tampered_code_gets_a_calm_message_and_keeps_the_answers(make_survey, world, as_user):
    survey = make_survey()
    [code] = emailed_codes(survey, 1)
    client = as_user(None)
    role = role_field(client.get(url(survey)).page)
    tampered = code[:-1] + ("A" if code[-1] != "A" else "B")
    response = client.post(url(survey), {"code": tampered, role: "manager"})
    assert response.status_code == 200
    assert "That code does not work" in response.page.text()
    assert response.page.css(f"input[name={role}][value=manager]")[0].get("checked") is not None
    assert not Response.objects.exists() and not SpentCode.objects.exists()


def test_a_replayed_form_stores_one_answer(make_survey, world, as_user):
    survey = make_survey()
    [code] = emailed_codes(survey, 1)
    client = as_user(None)
    role = role_field(client.get(url(survey)).page)
    for _ in range(3):
        client.post(url(survey), {"code": code, role: "manager"})
    assert Response.objects.count() == 1 and SpentCode.objects.count() == 1


def test_a_survey_closed_while_someone_answers_keeps_their_words_and_stores_nothing(make_survey, world, as_user):
    survey = make_survey()
    [code] = emailed_codes(survey, 1)
    client = as_user(None)
    page = client.get(url(survey)).page
    role = role_field(page)
    close(survey, world)
    response = client.post(url(survey), {"code": code, role: "manager"})
    assert "This survey has closed" in response.page.text()
    assert response.page.css(f"input[name={role}][value=manager]")[0].get("checked") is not None
    assert not Response.objects.exists() and not SpentCode.objects.exists()


def test_an_empty_form_asks_and_declining_stores_no_answer_and_stops_reminders(make_survey, world, as_user, mailoutbox):
    survey = make_survey()
    [code] = emailed_codes(survey, 1)
    client = as_user(None)
    response = client.post(url(survey), {"code": code})
    assert "You have not answered any of the questions" in response.page.text()
    assert response.page.title.startswith("Error: ")
    assert response.page.css("button[name=nothing]")
    assert not SpentCode.objects.exists()
    declined = client.post(url(survey), {"code": code, "nothing": "1"})
    assert declined.status_code == 302
    assert not Response.objects.exists()
    mailoutbox.clear()
    assert services.remind(survey, by=world.lead) == 0


def test_a_signed_in_respondent_leaves_no_trace_in_session_or_logs(make_survey, world, caplog):
    survey = make_survey()
    [code] = emailed_codes(survey, 1)
    client = Client()
    client.force_login(world.member, backend="allauth.account.auth_backends.AuthenticationBackend")
    client.get("/")  # an ordinary page: the session is saved as usual
    key = client.cookies["sessionid"].value
    before = Session.objects.filter(session_key=key).values_list("session_data", "expire_date").get()
    last_login = type(world.member).objects.get(pk=world.member.pk).last_login
    caplog.set_level(logging.INFO, logger="pathfinder.request")
    page = client.get(url(survey))
    assert "Bob Member" not in page.content.decode()  # the page treats them as signed out
    role = role_field(check_page(page))
    response = client.post(url(survey), {"code": code, role: "manager"})
    assert response.status_code == 302
    client.get(response["Location"])
    assert "sessionid" not in response.cookies
    assert Session.objects.filter(session_key=key).values_list("session_data", "expire_date").get() == before
    assert type(world.member).objects.get(pk=world.member.pk).last_login == last_login
    assert not [record for record in caplog.records if "/answer/" in str(getattr(record, "path", ""))]
    assert Response.objects.count() == 1


def test_answers_after_the_closing_day_are_refused(make_survey, world, as_user):
    survey = make_survey()
    [code] = emailed_codes(survey, 1)
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    Survey.objects.filter(pk=survey.pk).update(opens_on=yesterday - timezone.timedelta(days=3), closes_on=yesterday)
    client = as_user(None)
    response = client.post(url(survey), {"code": code})
    assert "This survey has closed" in response.page.text()
    assert not SpentCode.objects.exists()
