"""A person's due dates as a calendar feed: a secret address that calendar
apps read without signing in, only a hash stored, revocable."""

from datetime import date

from pathfinder.core import services as core_services
from pathfinder.core.services import hash_token
from pathfinder.planning.models import CalendarFeed
from pathfinder.planning.services import calendar as services
from pathfinder.planning.tests.conftest import make_action


def feed_lines(response) -> list[str]:
    return response.content.decode().replace("\r\n ", "").split("\r\n")


def test_a_person_makes_an_address_and_sees_it_once(world, as_user):
    client = as_user(world.member)
    response = client.post("/plan/calendar/", {"do": "new"})
    address = response.page.css("code")[0].text_content()
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get(user=world.member)
    assert feed.token_hash == hash_token(token) and token not in feed.token_hash
    later = client.get("/plan/calendar/").page
    assert not later.css("code") and "cannot be shown again" in later.text()


def test_the_feed_lists_only_the_persons_open_actions(world, client, as_user):
    mine = make_action(world, title="Book rooms, then invite; people", due_on=date(2027, 1, 15))
    make_action(world, title="Done already", status="done")
    make_action(world, title="Someone else's", owner=world.memberships.lead)
    make_action(world, title="Also mine", owner=world.memberships.member)
    token = services.new_feed(world.member)

    response = client.get(f"/plan/calendar/{token}.ics")  # no one is signed in
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    lines = feed_lines(response)
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert summaries == ["SUMMARY:Due: Book rooms\\, then invite\\; people", "SUMMARY:Due: Also mine"]
    assert any(line.startswith(f"UID:action-{mine.pk}-due@") for line in lines)
    assert "DTSTART;VALUE=DATE:20270115" in lines
    body = response.content.decode()
    assert "Bob Member" not in body and "bob@example.org" not in body


def test_a_revoked_or_unknown_address_is_not_found(world, client, as_user):
    token = services.new_feed(world.member)
    assert client.get(f"/plan/calendar/{token}.ics").status_code == 200
    as_user(world.member).post("/plan/calendar/", {"do": "revoke"})
    gone = client.get(f"/plan/calendar/{token}.ics")
    assert gone.status_code == 404
    assert client.get("/plan/calendar/not-a-token.ics").status_code == 404


def test_a_new_address_replaces_the_old_one(world, client):
    old = services.new_feed(world.member)
    new = services.new_feed(world.member)
    assert client.get(f"/plan/calendar/{old}.ics").status_code == 404
    assert client.get(f"/plan/calendar/{new}.ics").status_code == 200


def test_leaving_the_service_or_a_disabled_account_stops_the_feed(world, client):
    make_action(world, title="Mine")
    token = services.new_feed(world.member)
    membership = world.memberships.member
    core_services.end_membership(membership, version=membership.version, by=world.lead)
    assert "Mine" not in client.get(f"/plan/calendar/{token}.ics").content.decode()
    world.member.disable(by=world.admin)
    assert client.get(f"/plan/calendar/{token}.ics").status_code == 404
