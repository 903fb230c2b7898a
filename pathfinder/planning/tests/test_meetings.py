"""Group meetings: the next date suggested from the charter, actions raised
straight into the plan, actions reviewed, and the reminder button."""

from datetime import date

from django.core import mail

from pathfinder.planning.models import Action, ActionUpdate
from pathfinder.planning.services import group as services
from pathfinder.planning.tests.conftest import make_action


def meeting(world, held_on=date(2026, 11, 10), **fields):
    return services.record_meeting(programme=world.programme, by=world.lead, held_on=held_on, **fields)


def test_the_next_date_is_six_weeks_after_the_last(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    url = f"/programmes/{world.programme.pk}/group/meetings/new/"
    client = as_user(world.member)
    assert client.get(url).page.css("input[name=held_on]")[0].get("value") == "2026-12-10"
    meeting(world)
    assert client.get(url).page.css("input[name=held_on]")[0].get("value") == "2026-12-22"
    services.new_charter_version(programme=world.programme, based_on=0, by=world.lead, purpose="P", meets_every_weeks=4)
    assert client.get(url).page.css("input[name=held_on]")[0].get("value") == "2026-12-08"


def test_a_meeting_is_recorded_with_attendees_and_decisions(world, as_user):
    response = as_user(world.member).post(
        f"/programmes/{world.programme.pk}/group/meetings/new/",
        {
            "held_on": "2026-11-10",
            "attendees": [str(world.memberships.lead.pk), str(world.memberships.member.pk)],
            "notes": "Good discussion.",
            "decisions": "Protect the group\n- Start the advisory group",
            "decisions_needed": "Agree training time",
        },
    )
    item = world.programme.group_meetings.get()
    assert response["Location"] == f"/meetings/{item.pk}/"
    page = as_user(world.viewer).get(f"/meetings/{item.pk}/").page
    assert "Alice Lead, Bob Member" in page.text()
    assert [li.text_content() for li in page.css("main ul.nhsuk-list--bullet li")][:3] == [
        "Protect the group",
        "Start the advisory group",
        "Agree training time",
    ]


def test_a_meeting_raises_an_action_straight_into_the_plan(world, as_user):
    item = meeting(world)
    client = as_user(world.member)
    url = f"/meetings/{item.pk}/actions/new/"
    refused = client.post(
        url,
        {
            "title": "Book a room",
            "theme": "power_sharing",
            "owner": str(world.memberships.member.pk),
            "due_on": "2026-11-01",
        },
    )
    assert refused.page.error_summary() == ["The due date must be on or after the meeting (10 November 2026)."]
    assert refused.page.css("input[name=title]")[0].get("value") == "Book a room"
    response = client.post(
        url,
        {
            "title": "Book a room",
            "theme": "power_sharing",
            "owner": str(world.memberships.member.pk),
            "due_on": "2027-01-31",
        },
    )
    assert response["Location"] == f"/meetings/{item.pk}/"
    action = Action.objects.get()
    assert action.raised_at == item and action.starts_on == item.held_on and action.owner == world.memberships.member
    assert "Raised at the implementation group meeting on 10 November 2026." in action.updates.get().text
    page = client.get(f"/meetings/{item.pk}/").page
    assert "Book a room" in page.css("table")[0].text_content()


def test_the_group_ticks_actions_reviewed(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    item = meeting(world, held_on=date(2026, 11, 26))
    late = make_action(world, title="Late one", starts_on=None, due_on=date(2026, 11, 1))
    make_action(world, title="Far off", due_on=date(2028, 1, 1))
    client = as_user(world.member)
    page = client.get(f"/meetings/{item.pk}/").page
    labels = [label.text_content().strip() for label in page.css("#review ~ form label")]
    assert labels == ["Late one – due 1 November 2026, Bob Member, overdue"]
    client.post(f"/meetings/{item.pk}/review/", {"reviewed": [str(late.pk)]})
    assert list(item.reviewed_actions.all()) == [late]
    assert late.updates.filter(kind=ActionUpdate.Kind.REVIEWED).count() == 1
    client.post(f"/meetings/{item.pk}/review/", {"reviewed": [str(late.pk)]})
    assert late.updates.filter(kind=ActionUpdate.Kind.REVIEWED).count() == 1  # once per meeting


def test_the_lead_sends_the_reminder_now(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    services.add_member(programme=world.programme, membership=world.memberships.member, role="member", by=world.lead)
    item = meeting(world, held_on=date(2026, 12, 1))
    make_action(world, title="Late one", starts_on=None, due_on=date(2026, 11, 1))
    assert as_user(world.member).post(f"/meetings/{item.pk}/remind/").status_code == 403
    response = as_user(world.lead).post(f"/meetings/{item.pk}/remind/")
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["bob@example.org"]]
    assert "Late one (due 1 November 2026, Bob Member, not started)" in mail.outbox[0].body
    item.refresh_from_db()
    assert item.reminder_sent_at is not None


def test_a_stale_meeting_edit_keeps_what_was_typed(world, as_user):
    item = meeting(world, notes="First notes")
    services.edit_meeting(item, version=1, by=world.lead, notes="Their notes")
    response = as_user(world.member).post(
        f"/meetings/{item.pk}/edit/", {"version": "1", "held_on": "2026-11-10", "notes": "My notes"}
    )
    assert response.page.title.startswith("Error: ")
    assert response.page.css("#id_notes")[0].text_content() == "My notes"
