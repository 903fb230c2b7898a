"""The calendar feed holds more than due dates: the implementation group's
meetings (for its members, with the next one the charter expects) and lens
events in the person's services, which the lens app registers with the
programme (the plan never imports lens models)."""

from datetime import date

from pathfinder.lens import services as lens_services
from pathfinder.planning.services import calendar as services
from pathfinder.planning.services import group as group_services
from pathfinder.planning.tests.test_calendar_feed import feed_lines


def summaries(client, token) -> list[str]:
    return [line for line in feed_lines(client.get(f"/plan/calendar/{token}.ics")) if line.startswith("SUMMARY:")]


def test_it_includes_the_groups_meetings_for_its_members(world, client):
    group_services.add_member(
        programme=world.programme, membership=world.memberships.member, role="member", by=world.lead
    )
    group_services.new_charter_version(programme=world.programme, based_on=0, by=world.lead, meets_every_weeks=4)
    meeting = group_services.record_meeting(programme=world.programme, by=world.lead, held_on=date(2026, 11, 10))
    token = services.new_feed(world.member)
    lines = feed_lines(client.get(f"/plan/calendar/{token}.ics"))
    assert "SUMMARY:Implementation group meeting" in lines
    assert any(line.startswith(f"UID:meeting-{meeting.pk}@") for line in lines)
    assert "DTSTART;VALUE=DATE:20261110" in lines
    assert "SUMMARY:Next implementation group meeting (expected)" in lines
    assert "DTSTART;VALUE=DATE:20261208" in lines  # four weeks on, as the charter says
    # Someone who is not in the group does not get its meetings.
    assert summaries(client, services.new_feed(world.viewer)) == []


def test_it_includes_lens_events_in_the_persons_services(world, client):
    event = lens_services.create_event(
        programme=world.programme, title="Lens event, October", held_on=date(2026, 10, 20), by=world.lead
    )
    lens_services.create_event(
        programme=world.other_programme, title="Elsewhere", held_on=date(2026, 10, 21), by=world.outsider
    )
    lens_services.create_event(programme=world.programme, title="No date yet", by=world.lead)
    token = services.new_feed(world.viewer)
    lines = feed_lines(client.get(f"/plan/calendar/{token}.ics"))
    assert [line for line in lines if line.startswith("SUMMARY:")] == ["SUMMARY:Lens event: Lens event\\, October"]
    assert any(line.startswith(f"UID:lens-event-{event.pk}@") for line in lines)
    assert "DTSTART;VALUE=DATE:20261020" in lines
