"""Planning dates go through the shared date rule: no due date after the plan
ends, no approval or feedback dated in the future, no year like 1900."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.planning.models import Action, FeedbackItem
from pathfinder.planning.tests.conftest import form_data
from pathfinder.planning.tests.test_charter import charter_data
from pathfinder.planning.tests.test_feedback import data as feedback_data
from pathfinder.planning.tests.test_feedback import new_url as feedback_url


def _errors(response) -> str:
    assert response.page.title.startswith("Error: ")
    return " ".join(response.page.error_summary())


def test_a_due_date_after_the_plan_ends_is_refused(world, as_user):
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/plan/actions/new/",
        form_data(owner=str(world.memberships.member.pk), due_on="2029-09-30"),
    )
    assert "The due date is after the plan ends (31 August 2029)." in _errors(response)
    assert not Action.objects.exists()


def test_a_due_date_in_1900_is_refused(world, as_user):
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/plan/actions/new/",
        form_data(owner=str(world.memberships.member.pk), starts_on="", due_on="1900-03-31"),
    )
    assert "Check the year: the due date is in 1900." in _errors(response)


def test_a_charter_cannot_be_approved_in_the_future(world, as_user):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/group/charter/new/", charter_data(0, approved_on=tomorrow)
    )
    assert "The date approved cannot be in the future." in _errors(response)


def test_feedback_cannot_be_received_in_the_future(world, as_user):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = as_user(world.member).post(feedback_url(world), feedback_data(received_on=tomorrow))
    assert "The date received cannot be in the future." in _errors(response)
    assert not FeedbackItem.objects.exists()


def test_an_action_raised_at_a_meeting_is_due_within_the_plan(world, as_user):
    from pathfinder.planning.tests.test_meetings import meeting

    item = meeting(world)
    response = as_user(world.member).post(
        f"/meetings/{item.pk}/actions/new/",
        {
            "title": "Book a room",
            "theme": "power_sharing",
            "owner": str(world.memberships.member.pk),
            "due_on": "2030-01-31",
        },
    )
    assert "The due date is after the plan ends (31 August 2029)." in _errors(response)
