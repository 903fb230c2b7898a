"""A survey's purpose and questionnaire agree; a survey nobody answered can be
deleted, one with answers archived; closing asks first."""

import pytest

from pathfinder.core.models import AuditEvent
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.surveys.models import Survey
from pathfinder.surveys.tests.conftest import respond


@pytest.fixture
def pulse(db):
    return InstrumentVersion.objects.get(instrument__key="wellbeing-pulse", instrument__owner=None)


def new_survey_data(version, kind, title="Spring survey"):
    return {
        "title": title,
        "instrument_version": str(version.pk),
        "kind": kind,
        "distribution": "codes",
        "opens_on": "2027-01-10",
        "closes_on": "2027-01-30",
    }


def test_it_refuses_a_training_needs_analysis_built_on_the_wellbeing_pulse(world, as_user, pulse):
    client = as_user(world.lead)
    response = client.post(f"/programmes/{world.programme.pk}/surveys/new/", new_survey_data(pulse, "tna"))
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert any("needs the training needs analysis questionnaire" in e for e in response.page.error_summary())
    assert not Survey.objects.exists()
    assert response.page.css("input[name=title]")[0].get("value") == "Spring survey"


def test_it_accepts_the_pulse_for_a_wellbeing_survey_or_any_other(world, as_user, pulse):
    client = as_user(world.lead)
    for kind in ("wellbeing", "other"):
        response = client.post(
            f"/programmes/{world.programme.pk}/surveys/new/", new_survey_data(pulse, kind, title=kind)
        )
        assert response.status_code == 302, response.page.error_summary()
    assert Survey.objects.count() == 2


def test_a_survey_nobody_answered_is_deleted_after_confirming(make_survey, world, as_user):
    survey = make_survey()
    client = as_user(world.lead)
    asked = client.post(f"/surveys/{survey.pk}/delete/")
    assert asked.status_code == 200 and "cannot be brought back" in asked.page.text()
    assert Survey.objects.filter(pk=survey.pk).exists()
    done = client.post(f"/surveys/{survey.pk}/delete/", {"confirmed": "yes"})
    assert done.status_code == 302
    assert not Survey.objects.filter(pk=survey.pk).exists()
    assert AuditEvent.objects.filter(kind="survey.deleted").exists()


def test_a_survey_with_answers_is_archived_not_deleted(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [{"about.role": "admin"}])
    client = as_user(world.lead)
    client.post(f"/surveys/{survey.pk}/delete/", {"confirmed": "yes"})
    assert Survey.objects.filter(pk=survey.pk).exists()
    client.post(f"/surveys/{survey.pk}/archive/", {"archived": "1"})
    survey.refresh_from_db()
    assert survey.archived
    listing = client.get(f"/programmes/{world.programme.pk}/surveys/").page.text()
    assert survey.title not in listing
    assert survey.title in client.get(f"/programmes/{world.programme.pk}/surveys/?archived=1").page.text()


def test_closing_asks_first_and_one_click_changes_nothing(make_survey, world, as_user):
    survey = make_survey()
    client = as_user(world.lead)
    page = client.get(f"/surveys/{survey.pk}/close/").page
    assert "A closed survey cannot be opened again" in page.text()
    client.post(f"/surveys/{survey.pk}/close/", {"version": survey.version})
    survey.refresh_from_db()
    assert survey.is_open()
    client.post(f"/surveys/{survey.pk}/close/", {"version": survey.version, "confirmed": "yes"})
    survey.refresh_from_db()
    assert not survey.is_open()
