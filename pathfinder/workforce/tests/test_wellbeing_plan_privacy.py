"""Nobody but the owner can reach a plan, not even a site administrator:
every URL works on the signed-in person's own plan and nobody else's."""

import logging

import pytest

from pathfinder.core.models import AuditEvent
from pathfinder.testing.factories import UserFactory
from pathfinder.workforce import services
from pathfinder.workforce.tests.conftest import ALICES_WORDS, DELETE_URL, EDIT_URL, PDF_URL, PLAN_URL, form_data

OTHERS = ["member", "viewer", "outsider", "admin"]


def assert_none_of_alices_words(content: str) -> None:
    for words in ALICES_WORDS.values():
        assert words.split("\n")[0] not in content


@pytest.mark.parametrize("who", OTHERS)
def test_others_see_only_their_own_empty_plan(world, as_user, alices_plan, who):
    client = as_user(getattr(world, who))
    page = client.get(PLAN_URL)
    assert page.status_code == 200
    assert "Start your plan" in page.page.text()
    assert_none_of_alices_words(page.content.decode())

    form = client.get(EDIT_URL)
    assert form.page.css("input[name=version]")[0].get("value") == "0"  # NO_PLAN: none yet
    assert_none_of_alices_words(form.content.decode())

    # Nothing to print: they are sent back to their own (empty) plan.
    assert client.get(PDF_URL)["Location"] == PLAN_URL
    assert client.get(DELETE_URL)["Location"] == PLAN_URL


@pytest.mark.parametrize("who", OTHERS)
def test_others_cannot_change_or_delete_the_owners_plan(world, as_user, alices_plan, who):
    client = as_user(getattr(world, who))
    client.post(DELETE_URL)
    # Posting her version number reaches only their own plan (none), so it is refused.
    client.post(EDIT_URL, form_data(1, what_helps="Overwritten"))
    plan = services.plan_for(world.lead)
    assert plan.texts == {name: text for name, text in ALICES_WORDS.items()}
    assert plan.version == 1


def test_signed_out_people_are_sent_to_sign_in(client, alices_plan):
    for url in [PLAN_URL, EDIT_URL, PDF_URL, DELETE_URL]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_words_never_reach_audit_events_or_logs(world, as_user, caplog):
    caplog.set_level(logging.DEBUG)
    client = as_user(world.lead)
    client.post(EDIT_URL, form_data(0, **ALICES_WORDS))
    client.post(EDIT_URL, form_data(1, **{**ALICES_WORDS, "what_helps": "Stale"}))
    client.post(EDIT_URL, form_data(1, **ALICES_WORDS))
    client.get(PLAN_URL)
    client.get(PDF_URL)
    client.post(DELETE_URL)
    details = " ".join(str(event.detail) for event in AuditEvent.objects.all())
    assert_none_of_alices_words(details + caplog.text)


def test_the_plan_goes_when_its_owner_is_removed(world):
    person = UserFactory()
    plan = services.save_plan(person, {"what_helps": "A walk"}, services.NO_PLAN)
    person.delete()
    assert not type(plan).objects.filter(pk=plan.pk).exists()
