"""Downloading the leaflet is recorded in the activity log, naming what was downloaded."""

from pathfinder.core.models import AuditEvent


def test_it_records_the_leaflet_download(world, as_user, open_event, stages):
    as_user(world.member).get(f"/lens-events/{open_event.pk}/leaflet/easy-read.pdf")

    [event] = AuditEvent.objects.filter(kind="data.export")
    assert event.actor == world.member
    assert event.service == world.service
    assert event.detail == {"what": "leaflet (easy read)", "format": "pdf"}
