"""A lived-experience adviser sees the support arrangements before the event,
and only the parts of the event meant for participants."""

import pytest

from pathfinder.lens import services
from pathfinder.lens.tests.conftest import journey_of


@pytest.fixture
def taking_part(world, event, adviser):
    event.facilitator_notes = "Private: check on the advisers at the break."
    event.support_person = "Morven, in the green jumper, all morning."
    event.save()
    group = event.groups.order_by("position").last()
    services.add_members(event, [adviser.memberships.get()], group=group, by=world.lead)
    participant = event.participants.get(membership__user=adviser)
    services.record_reimbursement(
        event.participants.get(membership=world.memberships.member),
        voucher_type="Gift card",
        amount="25",
        given_on="2026-11-18",
        by=world.lead,
    )
    return participant


def test_it_shows_support_arrangements_before_the_event(world, as_user, event, adviser, taking_part):
    page = as_user(adviser).get(f"/lens-events/{event.pk}/me/").page
    text = page.text()
    assert event.status == "draft"
    assert "You can step out at any time" in text
    assert "A quiet space" in text
    assert "Morven, in the green jumper, all morning." in text
    assert "Nobody will ask you to share your own story" in text
    assert "Welcome: what the morning is for" in text  # the agenda
    assert "Group 3" in text and "Shona" in text and "Fictional person, written for discussion" in text
    assert "The event has not started yet" in text


def test_it_never_shows_private_things_to_the_adviser(world, as_user, event, adviser, taking_part):
    text = as_user(adviser).get(f"/lens-events/{event.pk}/me/").page.text()
    assert "Private: check on the advisers" not in text
    assert "Gift card" not in text and "£" not in text
    assert world.member.full_name not in text


@pytest.mark.parametrize(
    "path",
    ["", "details/", "support/", "groups/", "people/", "vouchers/", "map/", "priorities/", "leaflet/", "report/"],
)
def test_lead_and_facilitator_pages_are_closed_to_the_adviser(world, as_user, event, adviser, taking_part, path):
    assert as_user(adviser).get(f"/lens-events/{event.pk}/{path}").status_code == 403


def test_the_adviser_walks_only_their_own_groups_journeys(world, as_user, event, adviser, taking_part, stages):
    services.open_event(event, version=event.version, by=world.lead)
    client = as_user(adviser)
    assert client.get(f"/lens-journeys/{journey_of(event, 2).pk}/").status_code == 200
    assert client.get(f"/lens-journeys/{journey_of(event, 0).pk}/").status_code == 403
    response = client.post(
        f"/lens-journeys/{journey_of(event, 2).pk}/stages/{stages[0].pk}/",
        {
            "kind": "idea",
            "text": "A peer worker at the door",
            "principles": ["trust"],
            "participant_kind": "lived_experience",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/lens-events/{event.pk}/me/").page.text()
    assert "Walk through Shona's journey" in page


def test_after_the_event_the_adviser_can_read_the_report(world, as_user, event, adviser, taking_part):
    services.open_event(event, version=event.version, by=world.lead)
    event.refresh_from_db()
    services.close_event(event, version=event.version, by=world.lead)
    client = as_user(adviser)
    assert "Read what the room found" in client.get(f"/lens-events/{event.pk}/me/").page.text()
    page = client.get(f"/lens-events/{event.pk}/report/")
    assert page.status_code == 200
    assert "Add to findings" not in page.page.text()
    assert client.get(f"/lens-events/{event.pk}/report.pdf").status_code == 403
