"""The group's charter: each change is a new version, older ones are kept and
readable, and a version saved from a stale page is refused, keeping its words."""

from pathfinder.planning.models import Charter
from pathfinder.planning.services import group as services


def charter_data(based_on, **overrides):
    return {
        "based_on": str(based_on),
        "purpose": "Keep the plan moving",
        "remit": "Agree owners",
        "membership": "Staff and an adviser",
        "meets_every_weeks": "6",
        "meetings": "90 minutes",
        "reporting": "To the management team after every second meeting",
        "approved_on": "2026-10-20",
        **overrides,
    }


def test_versions_are_kept(world, as_user):
    client = as_user(world.lead)
    url = f"/programmes/{world.programme.pk}/group/charter/new/"
    assert client.post(url, charter_data(0)).status_code == 302
    page = client.get(url).page
    assert page.css("#id_purpose")[0].text_content() == "Keep the plan moving"
    assert page.css("input[name=approved_on]")[0].get("value") == ""  # a new version needs approving again
    assert (
        client.post(url, charter_data(1, purpose="Keep the plan moving, together", approved_on="")).status_code == 302
    )

    assert list(Charter.objects.values_list("number", "purpose")) == [
        (2, "Keep the plan moving, together"),
        (1, "Keep the plan moving"),
    ]
    current = client.get(f"/programmes/{world.programme.pk}/group/charter/").page
    assert "Version 2" in current.text() and "Not approved yet" in current.text()
    first = Charter.objects.get(number=1)
    old = as_user(world.viewer).get(f"/charters/{first.pk}/").page
    assert "This is an earlier version" in old.text() and "20 October 2026" in old.text()


def test_a_stale_version_is_refused_and_the_words_kept(world, as_user):
    services.new_charter_version(programme=world.programme, based_on=0, by=world.lead, purpose="Theirs")
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/group/charter/new/", charter_data(0, purpose="Mine")
    )
    assert response.status_code == 200
    assert "Someone else saved version 1 of the charter" in response.page.error_summary()[0]
    assert response.page.css("#id_purpose")[0].text_content() == "Mine"
    assert response.page.css("input[name=based_on]")[0].get("value") == "1"
    assert "Theirs" in response.page.text()
    assert Charter.objects.count() == 1


def test_only_the_lead_changes_the_charter_and_the_members(world, as_user):
    assert as_user(world.member).get(f"/programmes/{world.programme.pk}/group/charter/new/").status_code == 403
    assert as_user(world.member).get(f"/programmes/{world.programme.pk}/group/members/").status_code == 403
    assert as_user(world.viewer).get(f"/programmes/{world.programme.pk}/group/charter/").status_code == 200


def test_the_lead_adds_and_removes_group_members(world, as_user):
    client = as_user(world.lead)
    url = f"/programmes/{world.programme.pk}/group/members/"
    assert (
        client.post(url, {"add": "1", "membership": str(world.memberships.member.pk), "role": "chair"}).status_code
        == 302
    )
    group = client.get(f"/programmes/{world.programme.pk}/group/").page
    assert "Bob Member – Chair" in group.text()
    refused = client.post(url, {"add": "1", "membership": str(world.memberships.outsider.pk), "role": "member"})
    assert refused.page.error_summary() == ["Choose someone from the list."]
    member = world.programme.group_members.get()
    assert client.post(url, {"remove": str(member.pk)}).status_code == 302
    assert not world.programme.group_members.exists()
