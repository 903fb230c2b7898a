"""Priorities, strengths and barriers become findings for the plan, once."""

from pathfinder.core.models import AuditEvent
from pathfinder.lens import services
from pathfinder.lens.tests.conftest import close, note
from pathfinder.programmes.models import Finding


def make(client, event, item, theme="service_design"):
    kind, pk = item.split(":")
    return client.post(f"/lens-events/{event.pk}/findings/", {"item": item, f"{kind}-{pk}-theme": theme}, follow=True)


def test_a_barrier_becomes_a_finding_with_every_principle(world, as_user, open_event, stages):
    barrier = note(open_event, stages[2], text="People retell their story.", principles=["trust", "safety"])
    response = make(as_user(world.lead), open_event, f"note:{barrier.pk}", theme="policies")
    assert "Added to the programme's findings" in response.page.text()
    finding = Finding.objects.get(source_type="lens")
    assert (finding.kind, finding.theme, finding.principles) == ("barrier", "policies", ["safety", "trust"])
    assert finding.source_id == f"{open_event.pk}:note:{barrier.pk}"
    assert finding.text.startswith("People retell their story.")
    assert AuditEvent.objects.filter(kind="finding.created", detail__source="lens").exists()


def test_a_strength_and_a_priority_become_findings(world, as_user, open_event, stages):
    strength = note(open_event, stages[0], kind="works_well", text="Same-day texts.", principles=["trust"])
    barrier = note(open_event, stages[1], text="Long waits.", principles=["choice"])
    priority = services.add_priority(open_event, title="Clearer waits", description="Say how long.", notes=[barrier])
    client = as_user(world.member)
    make(client, open_event, f"note:{strength.pk}")
    make(client, open_event, f"priority:{priority.pk}")
    kinds = dict(Finding.objects.filter(source_type="lens").values_list("kind", "principles"))
    assert kinds == {"strength": ["trust"], "priority": ["choice"]}
    assert Finding.objects.get(kind="priority").text == "Clearer waits: Say how long."


def test_each_becomes_a_finding_only_once(world, as_user, open_event, stages):
    barrier = note(open_event, stages[2])
    client = as_user(world.lead)
    make(client, open_event, f"note:{barrier.pk}")
    response = make(client, open_event, f"note:{barrier.pk}")
    assert "already in the programme's findings, so it was not added twice" in response.page.text()
    assert Finding.objects.filter(source_type="lens").count() == 1
    page = client.get(f"/lens-events/{open_event.pk}/report/").page
    assert page.css(f"#note-{barrier.pk} .nhsuk-tag--green")


def test_the_finding_links_back_to_the_event_report(world, as_user, open_event, stages):
    barrier = note(open_event, stages[2])
    client = as_user(world.lead)
    make(client, open_event, f"note:{barrier.pk}")
    findings = client.get(f"/programmes/{world.programme.pk}/findings/").page
    assert findings.css(f"a[href='/lens-events/{open_event.pk}/report/']")


def test_read_only_people_cannot_make_findings(world, as_user, open_event, stages):
    barrier = note(open_event, stages[2])
    close(open_event, world)
    assert (
        as_user(world.viewer)
        .post(f"/lens-events/{open_event.pk}/findings/", {"item": f"note:{barrier.pk}"})
        .status_code
        == 403
    )
    assert (
        as_user(world.outsider)
        .post(f"/lens-events/{open_event.pk}/findings/", {"item": f"note:{barrier.pk}"})
        .status_code
        == 404
    )
    assert not Finding.objects.filter(source_type="lens").exists()


def test_a_note_from_another_event_is_not_found(world, as_user, open_event, stages):
    other = services.create_event(programme=world.programme, title="Another", by=world.lead)
    barrier = note(open_event, stages[2])
    assert (
        as_user(world.lead).post(f"/lens-events/{other.pk}/findings/", {"item": f"note:{barrier.pk}"}).status_code
        == 404
    )


def test_a_priority_keeps_every_principle_of_its_notes(world, as_user, open_event, stages):
    waits = note(open_event, stages[1], text="Long waits.", principles=["trust"])
    no_say = note(open_event, stages[2], text="No say in times.", principles=["choice", "trust"])
    priority = services.add_priority(open_event, title="Clearer waits", notes=[waits, no_say])
    make(as_user(world.lead), open_event, f"priority:{priority.pk}")
    assert Finding.objects.get(kind="priority").principles == ["trust", "choice"]
