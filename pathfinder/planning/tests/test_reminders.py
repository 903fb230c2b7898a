"""`manage.py planning_reminders`: a reminder before each meeting, once."""

from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command

from pathfinder.planning.services import group as services
from pathfinder.planning.tests.conftest import make_action


def run() -> str:
    out = StringIO()
    call_command("planning_reminders", stdout=out)
    return out.getvalue()


def test_it_reminds_the_group_once(world, on_day):
    on_day(date(2026, 11, 26))
    for membership in (world.memberships.lead, world.memberships.member):
        services.add_member(programme=world.programme, membership=membership, role="member", by=world.lead)
    soon = services.record_meeting(programme=world.programme, by=world.lead, held_on=date(2026, 11, 28))
    services.record_meeting(programme=world.programme, by=world.lead, held_on=date(2027, 1, 9))  # too far off
    make_action(world, title="Past its date", starts_on=None, due_on=date(2026, 11, 20))
    make_action(world, title="Done already", starts_on=None, due_on=date(2026, 11, 1), status="done")

    assert "1 reminder sent." in run()
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.org", "bob@example.org"]
    body = mail.outbox[0].body
    assert "meets on 28 November 2026" in body and "Past its date" in body and "Done already" not in body
    assert f"/meetings/{soon.pk}/" in body

    assert "0 reminders sent." in run()
    assert len(mail.outbox) == 2


def test_nobody_to_remind_sends_nothing_and_tries_again_later(world, on_day):
    on_day(date(2026, 11, 26))
    item = services.record_meeting(programme=world.programme, by=world.lead, held_on=date(2026, 11, 27))
    assert "0 reminders sent." in run()
    item.refresh_from_db()
    assert item.reminder_sent_at is None
    services.add_member(programme=world.programme, membership=world.memberships.member, role="member", by=world.lead)
    assert "1 reminder sent." in run()


def test_people_who_have_left_are_not_reminded(world, on_day):
    from pathfinder.core import services as core_services

    on_day(date(2026, 11, 26))
    services.add_member(programme=world.programme, membership=world.memberships.viewer, role="member", by=world.lead)
    services.add_member(programme=world.programme, membership=world.memberships.member, role="member", by=world.lead)
    viewer = world.memberships.viewer
    core_services.end_membership(viewer, version=viewer.version, by=world.lead)
    services.record_meeting(programme=world.programme, by=world.lead, held_on=date(2026, 11, 27))
    run()
    assert [message.to for message in mail.outbox] == [["bob@example.org"]]
