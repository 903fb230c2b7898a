"""Reordering stages uses the pathway's version: a reorder from an
out-of-date page is refused, while notes keep being added meanwhile."""

from pathfinder.lens.models import JourneyNote, Pathway, Stage
from pathfinder.lens.tests.conftest import note


def order():
    return list(Stage.objects.filter(retired_at=None).order_by("position").values_list("name", flat=True))


def move(client, world, stage, direction, version):
    return client.post(
        f"/services/{world.service.slug}/pathway/stages/{stage.pk}/move/",
        {"direction": direction, "version": version},
        follow=True,
    )


def test_it_moves_a_stage_up_and_down(world, as_user, stages):
    client = as_user(world.lead)
    version = Pathway.objects.get().version
    move(client, world, stages[2], "up", version)
    assert order() == ["Referral", "Assessment", "First contact", "Starting treatment", "Review"]
    move(client, world, stages[0], "down", version + 1)
    assert order() == ["Assessment", "Referral", "First contact", "Starting treatment", "Review"]


def test_moving_past_the_end_does_nothing(world, as_user, stages):
    move(as_user(world.lead), world, stages[0], "up", Pathway.objects.get().version)
    assert order()[0] == "Referral"


def test_a_stale_reorder_is_refused_while_notes_keep_arriving(world, as_user, stages, open_event):
    client = as_user(world.lead)
    seen = Pathway.objects.get().version
    # Someone else reorders; meanwhile groups keep adding notes.
    move(client, world, stages[4], "up", seen)
    note(open_event, stages[1], text="First note")
    after_notes = Pathway.objects.get().version
    note(open_event, stages[2], text="Second note")
    assert Pathway.objects.get().version == after_notes, "notes must not change the pathway's version"
    before = order()
    response = move(client, world, stages[0], "down", seen)
    assert (
        "Someone else changed the pathway after you opened this page, so nothing was moved" in response.content.decode()
    )
    assert order() == before
    assert JourneyNote.objects.count() == 2
    # With the current version, the same move works.
    move(client, world, stages[0], "down", Pathway.objects.get().version)
    assert order()[:2] == ["First contact", "Referral"]


def test_a_move_with_no_version_changes_nothing(world, as_user, stages):
    before = order()
    client = as_user(world.lead)
    response = client.post(f"/services/{world.service.slug}/pathway/stages/{stages[1].pk}/move/", {"direction": "up"})
    assert response.status_code == 302
    assert order() == before


def test_viewers_cannot_reorder(world, as_user, stages):
    version = Pathway.objects.get().version
    assert move(as_user(world.viewer), world, stages[1], "up", version).status_code == 403
    assert move(as_user(world.outsider), world, stages[1], "up", version).status_code == 404
