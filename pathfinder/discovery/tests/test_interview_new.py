"""Setting up an interview: who took part and when; silly dates are refused."""

from pathfinder.discovery.models import Interview
from pathfinder.discovery.tests.interview_factories import guide


def _data(world, **changes):
    return {
        "guide": str(guide(world).pk),
        "format": "individual",
        "audience": "partner",
        "held_on": "2026-09-10",
        "role": "Housing officer",
        "tenure": "6_10",
        "name": "",
    } | changes


def test_it_sets_up_an_interview_and_asks_for_consent_next(world, as_user):
    response = as_user(world.member).post(f"/programmes/{world.programme.pk}/interviews/new/", _data(world))
    interview = Interview.objects.get()
    assert response["Location"] == f"/interviews/{interview.pk}/consent/"
    assert not interview.has_consent
    assert interview.participants.get().role == "Housing officer"


def test_it_refuses_a_silly_date_and_keeps_the_answers(world, as_user):
    response = as_user(world.member).post(
        f"/programmes/{world.programme.pk}/interviews/new/", _data(world, held_on="1900-09-10")
    )
    page = response.page
    assert page.title.startswith("Error: ")
    assert any("Check the year" in item for item in page.error_summary())
    assert page.css("input[name=role]")[0].get("value") == "Housing officer"
    assert not Interview.objects.exists()


def test_it_refuses_a_date_in_the_future(world, as_user):
    response = as_user(world.member).post(
        f"/programmes/{world.programme.pk}/interviews/new/", _data(world, held_on="2099-01-01")
    )
    assert response.page.title.startswith("Error: ")
    assert not Interview.objects.exists()
