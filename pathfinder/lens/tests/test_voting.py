"""Participants vote within their allowance; the priorities are ranked."""

from types import SimpleNamespace

from pathfinder.lens import presenters, services
from pathfinder.lens.models import Vote
from pathfinder.lens.tests.conftest import close


def vote(client, event, priority, action="give"):
    return client.post(f"/lens-events/{event.pk}/vote/", {"priority": priority.pk, "action": action}, follow=True)


def test_votes_within_the_allowance_and_no_more(world, as_user, open_event):
    first = services.add_priority(open_event, title="Clearer waits")
    second = services.add_priority(open_event, title="Tell your story once")
    client = as_user(world.member)
    for priority in (first, first, second):
        assert "is counted" in vote(client, open_event, priority).content.decode()
    response = vote(client, open_event, second)
    text = response.content.decode()
    assert "You have used all 3 of your votes, so that one was not counted." in text
    assert "You can take a vote back from one area and give it to another." in text
    assert Vote.objects.count() == 3
    assert "You have used 3 of your 3 votes." in " ".join(
        client.get(f"/lens-events/{open_event.pk}/vote/").page.text().split()
    )


def test_a_vote_can_be_taken_back_and_given_elsewhere(world, as_user, open_event):
    first = services.add_priority(open_event, title="Clearer waits")
    second = services.add_priority(open_event, title="Tell your story once")
    client = as_user(world.member)
    for _ in range(3):
        vote(client, open_event, first)
    vote(client, open_event, first, "take_back")
    vote(client, open_event, second)
    assert Vote.objects.filter(priority=first).count() == 2
    assert Vote.objects.filter(priority=second).count() == 1


def test_the_allowance_follows_the_event_setting(world, as_user, open_event):
    open_event.votes_each = 1
    open_event.save()
    priority = services.add_priority(open_event, title="Clearer waits")
    client = as_user(world.member)
    vote(client, open_event, priority)
    assert "You have used all 1 of your votes" in vote(client, open_event, priority).content.decode()


def test_votes_are_refused_when_the_event_is_not_open(world, as_user, open_event):
    priority = services.add_priority(open_event, title="Clearer waits")
    close(open_event, world)
    response = vote(as_user(world.member), open_event, priority)
    assert "Voting is not open at the moment" in response.content.decode()
    assert not Vote.objects.exists()


def test_only_participants_vote(world, as_user, open_event):
    assert as_user(world.viewer).get(f"/lens-events/{open_event.pk}/vote/").status_code == 403
    assert as_user(world.outsider).get(f"/lens-events/{open_event.pk}/vote/").status_code == 404


def test_the_ranking_shares_places_and_counts_votes_from_the_room():
    def priority(pk, room=0):
        return SimpleNamespace(pk=pk, room_votes=room, created_at=pk)

    rows = presenters.ranked([priority(1), priority(2, room=2), priority(3), priority(4)], {1: 5, 2: 1, 3: 3, 4: 1})
    assert [(row.priority.pk, row.rank_text, row.total) for row in rows] == [
        (1, "1st", 5),
        (2, "Joint 2nd", 3),
        (3, "Joint 2nd", 3),
        (4, "4th", 1),
    ]


def test_the_facilitator_sees_the_ranked_list(world, as_user, open_event):
    waits = services.add_priority(open_event, title="Clearer waits")
    story = services.add_priority(open_event, title="Tell your story once")
    member = open_event.participants.get(membership=world.memberships.member)
    services.cast_vote(story, member)
    response = as_user(world.lead).post(
        f"/lens-priorities/{waits.pk}/",
        {"title": "Clearer waits", "room_votes": "4", "version": waits.version},
    )
    assert response.status_code == 302
    text = " ".join(as_user(world.lead).get(f"/lens-events/{open_event.pk}/priorities/").page.text().split())
    assert text.index("1st Clearer waits") < text.index("2nd Tell your story once")
