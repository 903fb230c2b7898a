"""Groups: one risk tier, two different fictional people of that tier."""

from pathfinder.lens.models import EventGroup, Journey
from pathfinder.lens.tests.conftest import note


def post_group(client, event, **data):
    return client.post(f"/lens-events/{event.pk}/groups/", {"name": "Group 4"} | data)


def test_it_adds_a_group_with_two_journeys(world, as_user, event, library):
    response = post_group(
        as_user(world.lead), event, tier="mid", first=library["tomasz"].pk, second=library["nicole"].pk
    )
    assert response.status_code == 302
    group = EventGroup.objects.get(name="Group 4")
    assert [j.vignette.name for j in group.journeys.order_by("position")] == ["Tomasz", "Nicole"]


def test_the_same_person_twice_is_refused(world, as_user, event, library):
    response = post_group(as_user(world.lead), event, tier="mid", first=library["derek"].pk, second=library["derek"].pk)
    assert "Choose a different person from the first." in response.page.error_summary()


def test_people_from_another_tier_are_refused(world, as_user, event, library):
    response = post_group(
        as_user(world.lead), event, tier="lower", first=library["morag"].pk, second=library["shona"].pk
    )
    assert response.page.title.startswith("Error: ")
    assert "Shona is in a different risk tier. Choose someone of the group's tier." in response.page.error_summary()
    assert not EventGroup.objects.filter(name="Group 4").exists()


def test_a_journey_with_notes_keeps_its_person(world, as_user, open_event, stages, library):
    note(open_event, stages[0])
    group = open_event.groups.order_by("position").first()
    response = as_user(world.lead).post(
        f"/lens-groups/{group.pk}/",
        {"name": "Group 1", "tier": "lower", "first": library["aisha"].pk, "second": library["callum"].pk},
    )
    assert "Morag's journey already has notes, so Morag stays" in response.page.text()
    assert Journey.objects.get(group=group, position=1).vignette.name == "Morag"


def test_a_group_with_notes_is_not_removed(world, as_user, open_event, stages):
    note(open_event, stages[0])
    group = open_event.groups.order_by("position").first()
    response = as_user(world.lead).post(f"/lens-groups/{group.pk}/remove/", follow=True)
    assert "already has notes on its journeys, so it stays" in response.content.decode()
    assert EventGroup.objects.filter(pk=group.pk).exists()


def test_members_cannot_change_groups(world, as_user, event):
    group = event.groups.first()
    assert as_user(world.member).get(f"/lens-groups/{group.pk}/").status_code == 403
    assert as_user(world.viewer).post(f"/lens-groups/{group.pk}/remove/").status_code == 403
    assert as_user(world.outsider).get(f"/lens-events/{event.pk}/groups/").status_code == 404
