"""A calendar app reading a person's feed is recorded (at most once an hour,
as calendar apps read it often), so the person can see it is being used."""

from pathfinder.core.models import AuditEvent
from pathfinder.planning.services import calendar as services


def test_it_records_that_the_feed_was_read(world, client):
    token = services.new_feed(world.member)

    client.get(f"/plan/calendar/{token}.ics")
    client.get(f"/plan/calendar/{token}.ics")

    [event] = AuditEvent.objects.filter(kind="data.export")
    assert event.target_id == str(world.member.pk)
    assert event.detail == {"what": "calendar feed", "format": "ics"}
    assert token not in str(event.detail)
