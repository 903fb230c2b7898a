"""Who may use each planning page: outsiders from another organisation get
404 everywhere; the read-only viewer (an evaluator) reads every page but gets
403 on every page that changes something."""

from datetime import date

import pytest

from pathfinder.planning.services import feedback as feedback_services
from pathfinder.planning.services import group as group_services
from pathfinder.planning.services import toc as toc_services
from pathfinder.planning.tests.conftest import make_action


@pytest.fixture
def things(world, finding):
    action = make_action(world, findings=[finding])
    step = toc_services.add_node(programme=world.programme, kind="activity", scope="local", text="Do", by=world.lead)
    outcome = toc_services.add_node(
        programme=world.programme, kind="short", scope="local", text="Better", by=world.lead
    )
    link = toc_services.add_link(source=step, target=outcome, rationale="", assumptions="", by=world.lead)
    charter = group_services.new_charter_version(programme=world.programme, based_on=0, by=world.lead, purpose="P")
    meeting = group_services.record_meeting(programme=world.programme, by=world.lead, held_on=date(2026, 11, 10))
    item = feedback_services.record_feedback(
        programme=world.programme, by=world.lead, source="staff", said="More breaks"
    )
    pk = world.programme.pk
    reads = [
        f"/programmes/{pk}/plan/",
        f"/programmes/{pk}/plan/themes/",
        f"/programmes/{pk}/plan/mine/",
        f"/programmes/{pk}/plan/due/",
        f"/programmes/{pk}/plan/timeline/",
        f"/programmes/{pk}/plan/budget/",
        f"/programmes/{pk}/plan/findings/",
        f"/programmes/{pk}/plan/suggestions/",
        f"/programmes/{pk}/plan/report/",
        f"/programmes/{pk}/theory-of-change/",
        f"/programmes/{pk}/group/",
        f"/programmes/{pk}/group/charter/",
        f"/charters/{charter.pk}/",
        f"/meetings/{meeting.pk}/",
        f"/actions/{action.pk}/",
        f"/programmes/{pk}/you-said-we-did/",
        f"/programmes/{pk}/you-said-we-did/summary/",
        # Downloads: the evaluator may export.
        f"/programmes/{pk}/plan/download.csv",
        f"/programmes/{pk}/theory-of-change/download.svg",
    ]
    changes = [
        f"/programmes/{pk}/plan/settings/",
        f"/programmes/{pk}/plan/funding/",
        f"/programmes/{pk}/plan/actions/new/",
        f"/actions/{action.pk}/edit/",
        f"/actions/{action.pk}/update/",
        f"/findings/{finding.pk}/set-aside/",
        f"/findings/{finding.pk}/bring-back/",
        f"/programmes/{pk}/theory-of-change/steps/new/",
        f"/programmes/{pk}/theory-of-change/links/new/",
        f"/toc-steps/{step.pk}/",
        f"/toc-links/{link.pk}/remove/",
        f"/programmes/{pk}/group/members/",
        f"/programmes/{pk}/group/charter/new/",
        f"/programmes/{pk}/group/meetings/new/",
        f"/meetings/{meeting.pk}/edit/",
        f"/meetings/{meeting.pk}/actions/new/",
        f"/meetings/{meeting.pk}/review/",
        f"/meetings/{meeting.pk}/remind/",
        f"/programmes/{pk}/you-said-we-did/new/",
        f"/feedback/{item.pk}/",
        f"/feedback/{item.pk}/publish/",
    ]
    return reads, changes


def test_the_viewer_reads_every_page(world, as_user, things):
    reads, _ = things
    client = as_user(world.viewer)
    for url in reads:
        assert client.get(url).status_code == 200, url


def test_the_viewer_changes_nothing(world, as_user, things):
    _, changes = things
    client = as_user(world.viewer)
    for url in changes:
        assert client.post(url, {"version": "1", "text": "x"}).status_code == 403, url
        if not url.endswith(("/bring-back/", "/remove/", "/review/", "/remind/", "/publish/")):
            assert client.get(url).status_code == 403, url


def test_outsiders_find_nothing(world, as_user, things):
    reads, changes = things
    client = as_user(world.outsider)
    for url in reads + changes:
        assert client.get(url).status_code in {404, 405}, url
        assert client.post(url, {"version": "1"}).status_code in {404, 405}, url


def test_the_lead_and_the_group_member_can_open_the_pages_they_need(world, as_user, things):
    reads, changes = things
    lead, member = as_user(world.lead), None
    for url in reads + [
        url for url in changes if not url.endswith(("/bring-back/", "/remove/", "/review/", "/remind/", "/publish/"))
    ]:
        assert lead.get(url).status_code == 200, url
    member = as_user(world.member)
    lead_only = ("/plan/settings/", "/plan/funding/", "/group/members/", "/group/charter/new/", "/remind/", "/publish/")
    for url in changes:
        if url.endswith(lead_only):
            assert member.get(url).status_code in {403, 405}, url
        elif not url.endswith(("/bring-back/", "/remove/", "/review/")):
            assert member.get(url).status_code == 200, url


def test_signed_out_people_are_sent_to_sign_in(world, client, things):
    reads, changes = things
    for url in reads[:3] + changes[:3] + ["/plan/calendar/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
