"""'You said, we did': feedback with the response and the linked action, and a
printable public summary that holds no personal details."""

from datetime import date

from pathfinder.planning.models import FeedbackItem
from pathfinder.planning.services import feedback as services
from pathfinder.planning.tests.conftest import make_action
from pathfinder.programmes.models import Finding


def new_url(world):
    return f"/programmes/{world.programme.pk}/you-said-we-did/new/"


def data(**overrides):
    return {
        "source": "people",
        "received_on": "2026-10-05",
        "said": "The waiting room is noisy.",
        "theme": "service_design",
        "response": "",
        "status": "new",
        "action": "",
        **overrides,
    }


def test_it_records_feedback_and_can_add_it_to_the_findings(world, as_user):
    client = as_user(world.member)
    assert client.post(new_url(world), data(add_to_findings="on")).status_code == 302
    item = FeedbackItem.objects.get()
    finding = Finding.objects.get()
    assert item.finding == finding and finding.kind == "feedback" and finding.text == "The waiting room is noisy."
    assert finding.source_type == "feedback"
    inbox = client.get(f"/programmes/{world.programme.pk}/plan/findings/").page
    assert "You said, we did: people using the service" in inbox.text()


def test_names_and_contact_details_are_refused(world, as_user):
    client = as_user(world.member)
    for said, found in [
        ("Alice Lead was rude on the phone", "the name Alice Lead"),
        ("Call me on 07700 900123", "a phone number"),
        ("Email someone@example.org back", "an e-mail address"),
    ]:
        page = client.post(new_url(world), data(said=said)).page
        assert page.error_summary() == [
            f"This looks like it includes {found}. Write it without names or anything else that could identify someone."
        ], said
        assert page.css("#id_said")[0].text_content() == said
    assert not FeedbackItem.objects.exists()
    page = client.post(new_url(world), data(status="done")).page
    assert page.error_summary() == ["Say what was done, or why it cannot be done now."]


def test_the_public_summary_shows_published_items_and_no_personal_details(world, as_user):
    action = make_action(world, title="Quiet room", owner=world.memberships.member)
    services.record_feedback(
        programme=world.programme,
        by=world.lead,
        source="suggestion_box",
        received_on=date(2026, 10, 5),
        said="The waiting room is noisy.",
        response="The small room by reception is now a quiet space.",
        status="done",
        action=action,
        published=True,
    )
    services.record_feedback(
        programme=world.programme, by=world.lead, source="staff", said="Not for the public yet.", response="Soon"
    )
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/you-said-we-did/summary/").page
    main = " ".join(page.css("main")[0].text_content().split())
    assert "You said The waiting room is noisy. We did The small room by reception is now a quiet space." in main
    assert "October 2026" in main and "5 October" not in main
    assert "Not for the public yet." not in main
    for personal in ("Alice Lead", "Bob Member", "alice@example.org", "bob@example.org", "Quiet room"):
        assert personal not in main


def test_only_the_lead_publishes_and_only_with_a_response(world, as_user):
    item = services.record_feedback(programme=world.programme, by=world.lead, source="staff", said="More breaks")
    url = f"/feedback/{item.pk}/publish/"
    assert as_user(world.member).post(url, {"publish": "1"}).status_code == 403
    client = as_user(world.lead)
    client.post(url, {"publish": "1"})
    item.refresh_from_db()
    assert not item.published
    FeedbackItem.objects.filter(pk=item.pk).update(response="Breaks are now protected.")
    client.post(url, {"publish": "1"})
    item.refresh_from_db()
    assert item.published


def test_a_stale_edit_keeps_what_was_typed(world, as_user):
    item = services.record_feedback(programme=world.programme, by=world.lead, source="staff", said="More breaks")
    services.edit_feedback(item, version=1, by=world.lead, response="Theirs")
    response = as_user(world.member).post(f"/feedback/{item.pk}/", data(version="1", response="Mine"))
    assert "It now says: “More breaks”, and the response: “Theirs”" in response.page.error_summary()[0]
    assert response.page.css("#id_response")[0].text_content() == "Mine"
