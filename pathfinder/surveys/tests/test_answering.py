"""Answering: a calm message for every problem, nothing lost, nothing stored
until the answers are sent, and no hint about anyone else's code."""

import pytest
from cryptography.fernet import Fernet

from pathfinder.surveys import services
from pathfinder.surveys.models import Response

ROLE = "about.role"


def url(survey):
    return f"/answer/{survey.link_token}/"


def field_name(page, text):
    """The form field name of the question whose label or legend starts with `text`."""
    for legend in page.css("legend"):
        if legend.text_content().strip().startswith(text):
            return legend.getparent().cssselect("input")[0].get("name")
    for label in page.css("label"):
        if label.text_content().strip().startswith(text):
            return label.get("for").removeprefix("id_")
    raise AssertionError(f"no question starting {text!r}")


def test_someone_answers_with_their_code(make_survey, world, as_user):
    survey = make_survey()
    [code] = services.extra_codes(survey, 1, by=world.lead)
    client = as_user(None)
    page = client.get(url(survey)).page
    role = field_name(page, "What is your role")
    response = client.post(url(survey), {"code": code.lower().replace("-", " "), role: "practitioner"})
    assert response["Location"] == f"/answer/{survey.link_token}/thanks/"
    stored = Response.objects.get()
    assert stored.answer_set() == {ROLE: "practitioner"}
    assert services.used_count(survey) == 1
    assert "sessionid" not in response.cookies  # answering creates no session


def test_a_used_and_an_unknown_code_get_the_same_calm_answer(make_survey, world, as_user):
    survey = make_survey()
    [code] = services.extra_codes(survey, 1, by=world.lead)
    client = as_user(None)
    role = field_name(client.get(url(survey)).page, "What is your role")
    client.post(url(survey), {"code": code, role: "practitioner"})
    reused = client.post(url(survey), {"code": code, role: "manager"})
    unknown = client.post(url(survey), {"code": "ZZZZ-ZZZZ-ZZ", role: "manager"})
    assert reused.status_code == unknown.status_code == 200
    assert reused.page.error_summary() == unknown.page.error_summary()
    assert "If you have just sent your answers, they have been received" in reused.page.text()
    # What was typed is still there
    assert reused.page.css(f"input[name={role}][value=manager]")[0].get("checked") is not None
    assert Response.objects.count() == 1


def test_a_missing_required_answer_keeps_everything_and_spends_nothing(make_survey, world, as_user):
    survey = make_survey()
    [code] = services.extra_codes(survey, 1, by=world.lead)
    client = as_user(None)
    page = client.get(url(survey)).page
    comments = field_name(page, "Is there anything else")
    response = client.post(url(survey), {"code": code, comments: "More time for training please"})
    assert response.page.title.startswith("Error: ")
    assert response.page.css(f"#id_{comments}")[0].text == "More time for training please"
    assert not Response.objects.exists()
    assert services.used_count(survey) == 0


def test_an_oversized_answer_is_refused_and_kept(make_survey, world, as_user):
    survey = make_survey()
    [code] = services.extra_codes(survey, 1, by=world.lead)
    client = as_user(None)
    page = client.get(url(survey)).page
    role, comments = field_name(page, "What is your role"), field_name(page, "Is there anything else")
    long_text = "word " * 300
    response = client.post(url(survey), {"code": code, role: "admin", comments: long_text})
    assert "at most 1000 characters" in response.page.text()
    assert response.page.css(f"#id_{comments}")[0].text == long_text
    assert not Response.objects.exists()


def test_a_closed_survey_takes_nothing_but_shows_what_was_typed(make_survey, world, as_user):
    survey = make_survey()
    [code] = services.extra_codes(survey, 1, by=world.lead)
    client = as_user(None)
    role = field_name(client.get(url(survey)).page, "What is your role")
    services.close_early(survey, version=survey.version, by=world.lead)
    response = client.post(url(survey), {"code": code, role: "clinician"})
    assert "This survey has closed" in response.page.text()
    assert response.page.css(f"input[name={role}][value=clinician]")[0].get("checked") is not None
    assert not Response.objects.exists()
    assert "closed on" in client.get(url(survey)).page.text()


def test_a_shared_link_takes_one_answer_per_browser(make_survey, as_user):
    survey = make_survey(distribution="link")
    client = as_user(None)
    page = client.get(url(survey)).page
    assert not page.css("input[name=code]")
    role = field_name(page, "What is your role")
    client.post(url(survey), {role: "peer_worker"})
    again = client.get(url(survey))
    assert "You have already answered" in again.page.text()
    client.post(url(survey), {role: "peer_worker"})
    assert Response.objects.count() == 1


def test_looking_at_the_form_stores_nothing(make_survey, as_user):
    survey = make_survey()
    as_user(None).get(url(survey))
    assert not Response.objects.exists()


def test_an_unknown_link_is_not_found(db, as_user):
    assert as_user(None).get("/answer/not-a-real-link/").status_code == 404


def test_none_of_these_cannot_go_with_other_answers(make_survey, world, as_user):
    survey = make_survey(distribution="link")
    client = as_user(None)
    page = client.get(url(survey)).page
    role, done = field_name(page, "What is your role"), field_name(page, "Which of these kinds of training")
    response = client.post(url(survey), {role: "admin", done: ["none", "informed_elearning"]})
    assert "on its own, or the other answers without it" in response.page.text()
    assert not Response.objects.exists()


def test_a_code_used_before_a_new_key_was_added_stays_used(make_survey, world, settings):
    """The used-code mark is made under the newest key; one made under an
    older key (before the keys are rotated) still stops the code being used again."""
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    survey = make_survey()
    first, second = services.extra_codes(survey, 2, by=world.lead)
    services.submit(survey, services.Submission(answers={ROLE: "admin"}, code=first))
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    with pytest.raises(services.CodeNotAccepted):
        services.submit(survey, services.Submission(answers={ROLE: "manager"}, code=first))
    services.submit(survey, services.Submission(answers={ROLE: "manager"}, code=second))  # a fresh code still works
    services.rotate_keys()
    settings.FIELD_ENCRYPTION_KEYS = [new]
    with pytest.raises(services.CodeNotAccepted):
        services.submit(survey, services.Submission(answers={ROLE: "manager"}, code=first))
    assert Response.objects.filter(survey=survey).count() == 2
    assert services.used_count(survey) == 2
