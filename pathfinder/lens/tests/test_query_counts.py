"""The map, the report and their downloads make the same number of queries
however many notes and groups there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.lens import services
from pathfinder.lens.tests.conftest import journey_of, note
from pathfinder.testing.factories import MembershipFactory


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def pages(event):
    return [
        f"/lens-events/{event.pk}/map/",
        f"/lens-events/{event.pk}/report/",
        f"/lens-events/{event.pk}/priorities/",
        f"/lens-events/{event.pk}/",
        f"/lens-journeys/{journey_of(event).pk}/",
        f"/lens-events/{event.pk}/report.docx",
    ]


def grow(world, event, stages, library, times):
    for number in range(times):
        group = services.add_group(
            event, name=f"Extra {number}", tier="lower", vignettes=[library["aisha"], library["callum"]]
        )
        services.add_members(
            event, [MembershipFactory(service=world.service, role="partner")], group=group, by=world.lead
        )
        for stage in stages:
            for kind in ("works_well", "barrier", "idea"):
                barrier = note(
                    event, stage, kind=kind, text=f"{kind} {number}", principles=["safety", "trust"], group=3 + number
                )
        priority = services.add_priority(event, title=f"Area {number}", notes=[barrier])
        services.cast_vote(priority, event.participants.get(membership=world.memberships.member))


def test_counts_do_not_grow_with_notes_and_groups(world, as_user, open_event, stages, library):
    client = as_user(world.lead)
    open_event.votes_each = 10
    open_event.save()
    note(open_event, stages[0])
    small = [count(client, url) for url in pages(open_event)]
    grow(world, open_event, stages, library, 3)
    assert [count(client, url) for url in pages(open_event)] == small


def test_a_note_at_a_stage_the_map_does_not_read_is_still_shown_on_the_report(world, as_user, open_event, stages):
    """The map gives each note its stage from the service's own stages. A note
    anywhere else (not made by the app) is read when it is used, not lost."""
    from pathfinder.lens.models import JourneyNote

    made = note(open_event, stages[0], text="Reception asks for the story again.")
    elsewhere = services.add_stage(
        world.other_service, name="Somewhere else entirely", what_happens="", typical_wait=""
    )
    JourneyNote.objects.filter(pk=made.pk).update(stage=elsewhere)
    client = as_user(world.lead)
    assert client.get(f"/lens-events/{open_event.pk}/map/").status_code == 200
    report = client.get(f"/lens-events/{open_event.pk}/report/").page.text()
    assert "Reception asks for the story again." in report and "Somewhere else entirely" in report
