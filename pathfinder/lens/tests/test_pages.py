"""Every lens page renders for the lead with the page invariants (valid HTML,
unique ids, no inline style or script), and the demo data loads twice."""

from io import StringIO

from django.core.management import call_command

from pathfinder.lens import services
from pathfinder.lens.models import JourneyNote, LensEvent, Priority, Reimbursement
from pathfinder.lens.tests.conftest import close, journey_of, note


def lens_pages(world, event, stages):
    journey = journey_of(event)
    priority = Priority.objects.filter(event=event).first()
    group = event.groups.first()
    participant = event.participants.first()
    slug = world.service.slug
    pages = [
        f"/services/{slug}/pathway/",
        f"/services/{slug}/pathway/edit/",
        f"/services/{slug}/pathway/stages/new/",
        f"/services/{slug}/pathway/stages/{stages[0].pk}/",
        f"/services/{slug}/pathway/stages/{stages[0].pk}/remove/",
        f"/services/{slug}/vignettes/",
        f"/services/{slug}/vignettes/new/",
        f"/programmes/{world.programme.pk}/lens/",
        f"/programmes/{world.programme.pk}/lens/new/",
        f"/programmes/{world.programme.pk}/",
        f"/lens-events/{event.pk}/",
        f"/lens-events/{event.pk}/details/",
        f"/lens-events/{event.pk}/support/",
        f"/lens-events/{event.pk}/me/",
        f"/lens-events/{event.pk}/groups/",
        f"/lens-groups/{group.pk}/",
        f"/lens-events/{event.pk}/people/",
        f"/lens-participants/{participant.pk}/",
        f"/lens-events/{event.pk}/vouchers/",
        f"/lens-events/{event.pk}/map/",
        f"/lens-journeys/{journey.pk}/",
        f"/lens-journeys/{journey.pk}/stages/{stages[1].pk}/",
        f"/lens-events/{event.pk}/priorities/",
        f"/lens-events/{event.pk}/vote/",
        f"/lens-events/{event.pk}/report/",
        f"/lens-events/{event.pk}/leaflet/",
    ]
    if priority:
        pages.append(f"/lens-priorities/{priority.pk}/")
    return pages


def test_it_renders_every_page_for_the_lead(world, as_user, open_event, stages):
    note(open_event, stages[1])
    note(open_event, stages[2], kind="idea", text="Text people the wait time.", principles=["trust", "choice"])
    barrier = JourneyNote.objects.first()
    services.add_priority(open_event, title="Clearer waits", description="Say how long.", notes=[barrier])
    participant = open_event.participants.first()
    services.record_reimbursement(
        participant, voucher_type="Gift card", amount="25.00", given_on="2026-11-18", by=world.lead
    )
    client = as_user(world.lead)
    for url in lens_pages(world, open_event, stages):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    close(open_event, world)
    for url in [
        f"/lens-events/{open_event.pk}/report/",
        f"/lens-events/{open_event.pk}/map/",
        f"/lens-events/{open_event.pk}/me/",
    ]:
        assert client.get(url).status_code == 200, url
    assert Reimbursement.objects.count() == 1


def test_the_demo_loads_twice_without_duplicates(db):
    call_command("pathfinder", "demo", stdout=StringIO())
    counts = (LensEvent.objects.count(), JourneyNote.objects.count(), Priority.objects.count())
    assert counts == (1, 15, 4)
    call_command("pathfinder", "demo", stdout=StringIO())
    assert (LensEvent.objects.count(), JourneyNote.objects.count(), Priority.objects.count()) == counts
