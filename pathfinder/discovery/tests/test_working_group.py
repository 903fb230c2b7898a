"""Working groups: a name, a remit, members from the service, the documents
in their care, and meetings kept by the implementation group's own meeting
machinery (planning.Meeting), apart from the implementation group's."""

from datetime import date

from pathfinder.discovery.models import WorkingGroup
from pathfinder.discovery.services import documents as services
from pathfinder.discovery.tests.factories_documents import a_document
from pathfinder.planning.models import Action, Meeting
from pathfinder.planning.services import group as group_services


def _group(world):
    return services.add_working_group(
        programme=world.programme,
        by=world.lead,
        name="Assessment forms",
        remit="Review the forms people fill in when they first come.",
        members=[world.memberships.member],
    )


def test_it_sets_up_a_group_with_members(world, as_user):
    client = as_user(world.lead)
    response = client.post(
        f"/programmes/{world.programme.pk}/working-groups/new/",
        {"name": "Guidance documents", "remit": "Local guidance.", "members": [str(world.memberships.member.pk)]},
    )
    group = WorkingGroup.objects.get()
    assert response["Location"] == f"/working-groups/{group.pk}/"
    assert list(group.members.all()) == [world.memberships.member]
    assert "Bob Member (implementation group member)" in as_user(world.viewer).get(response["Location"]).page.text()


def test_it_shows_the_documents_in_its_care(world, as_user):
    group = _group(world)
    a_document(world, working_group=group)
    text = as_user(world.viewer).get(f"/working-groups/{group.pk}/").page.text()
    assert "Initial assessment form : not started" in text


def test_its_meetings_use_the_implementation_groups_machinery(world, as_user):
    group = _group(world)
    client = as_user(world.member)
    response = client.post(
        f"/working-groups/{group.pk}/meetings/new/",
        {
            "held_on": "2026-11-12",
            "attendees": [str(world.memberships.member.pk)],
            "notes": "Read the assessment form together.",
            "decisions": "Ask about trauma once",
            "decisions_needed": "",
        },
    )
    meeting = Meeting.objects.get()
    assert meeting.working_group == group and meeting.programme == world.programme
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    page = client.get(f"/meetings/{meeting.pk}/").page.text()
    assert "Assessment forms (working group)" in page
    assert "Ask about trauma once" in page
    assert "1 decision" in client.get(f"/working-groups/{group.pk}/").page.text()


def test_its_meetings_stay_apart_from_the_implementation_groups(world, as_user):
    group = _group(world)
    services.record_meeting(group, by=world.lead, held_on=date(2026, 11, 12))
    assert group_services.next_meeting_date(world.programme, today=date(2026, 11, 20)) == date(2026, 12, 4)
    group_page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/group/").page.text()
    assert "No meetings yet." in group_page


def test_an_action_raised_at_its_meeting_says_which_group(world, as_user):
    group = _group(world)
    meeting = services.record_meeting(group, by=world.lead, held_on=date(2026, 11, 12))
    as_user(world.member).post(
        f"/meetings/{meeting.pk}/actions/new/",
        {
            "title": "Redraft the form",
            "theme": "policies",
            "owner": str(world.memberships.member.pk),
            "due_on": "2027-02-01",
        },
    )
    action = Action.objects.get()
    assert action.updates.get().text == "Raised at the “Assessment forms” working group meeting on 12 November 2026."


def test_the_reminder_for_its_meeting_goes_to_its_members(world, as_user):
    from django.core import mail

    group = _group(world)
    group_services.add_member(
        programme=world.programme, membership=world.memberships.lead, role="chair", by=world.lead
    )  # in the implementation group, not in this working group
    meeting = services.record_meeting(group, by=world.lead, held_on=date(2027, 1, 12))
    assert as_user(world.lead).post(f"/meetings/{meeting.pk}/remind/").status_code == 302
    assert [message.to for message in mail.outbox] == [["bob@example.org"]]
    assert mail.outbox[0].subject.startswith("Assessment forms (working group) meeting on 12 January 2027")


def test_the_daily_reminders_include_its_meetings(world):
    from django.core import mail

    group = _group(world)
    services.record_meeting(group, by=world.lead, held_on=date(2027, 1, 12))
    sent = group_services.send_due_reminders(today=date(2027, 1, 10))
    assert [count for _meeting, count in sent] == [1]
    assert mail.outbox[0].to == ["bob@example.org"]


def test_its_meeting_form_has_a_breadcrumb_back_to_the_group(world, as_user):
    group = _group(world)
    page = as_user(world.member).get(f"/working-groups/{group.pk}/meetings/new/").page
    crumbs = [(link.text_content().strip(), link.get("href")) for link in page.css(".nhsuk-breadcrumb a")]
    assert ("Working groups", f"/programmes/{world.programme.pk}/working-groups/") in crumbs
    assert ("Assessment forms", f"/working-groups/{group.pk}/") in crumbs


def test_its_meeting_pages_sit_under_the_group_not_the_implementation_group(world, as_user):
    group = _group(world)
    meeting = Meeting.objects.create(programme=world.programme, working_group=group, held_on="2026-11-12")
    client = as_user(world.lead)
    for path in (f"/meetings/{meeting.pk}/", f"/meetings/{meeting.pk}/edit/"):
        page = client.get(path).page
        crumbs = [(link.text_content().strip(), link.get("href")) for link in page.css(".nhsuk-breadcrumb a")]
        assert ("Assessment forms", f"/working-groups/{group.pk}/") in crumbs, path
        assert all(text != "Implementation group" for text, _ in crumbs), path
    plain = Meeting.objects.create(programme=world.programme, held_on="2026-11-13")
    crumbs = [
        link.text_content().strip() for link in client.get(f"/meetings/{plain.pk}/").page.css(".nhsuk-breadcrumb a")
    ]
    assert "Implementation group" in crumbs
