"""A refused save is shown again as the person's own edits on top of the
record as it is now: fields they did not touch take the colleague's value,
each field the colleague changed is marked with what it now says, and saving
again never puts back what the colleague changed."""

from pathfinder.planning.models import Action
from pathfinder.planning.services import actions as services


def test_it_merges_the_persons_edits_onto_the_current_action(world, as_user, action):
    lead = as_user(world.lead)
    opened = lead.get(f"/actions/{action.pk}/edit/").page.form_data()
    # The owner sets it to In progress in another browser.
    services.add_update(
        action, version=action.version, by=world.member, text="First session booked.", status="in_progress"
    )

    typed = opened | {"title": "Protect reflective practice every month"}
    refused = lead.post(f"/actions/{action.pk}/edit/", typed)
    assert refused.status_code == 200
    page = refused.page
    assert page.title.startswith("Error: ")
    again = page.form_data()
    assert again["title"] == "Protect reflective practice every month"  # what the lead typed
    assert again["status"] == "in_progress"  # the owner's change, not the lead's stale one
    marked = " ".join(page.css("#id_status-changed")[0].text_content().split())
    assert "Someone else changed this while you had it open" in marked and "In progress" in marked
    assert not page.css("#id_title-changed")  # only the owner's field is marked
    assert "Status" in page.error_summary()[0]

    # Saving again keeps both changes.
    assert lead.post(f"/actions/{action.pk}/edit/", again).status_code == 302
    action.refresh_from_db()
    assert action.title == "Protect reflective practice every month"
    assert action.status == Action.Status.IN_PROGRESS
    latest = action.updates.first()
    assert latest.changes == [["Title", "Protect reflective practice", "Protect reflective practice every month"]]


def test_it_keeps_a_field_both_people_changed_as_this_person_typed_it(world, as_user, action):
    lead = as_user(world.lead)
    opened = lead.get(f"/actions/{action.pk}/edit/").page.form_data()
    services.edit_action(action, version=action.version, by=world.member, title="Protect reflection time")

    refused = lead.post(f"/actions/{action.pk}/edit/", opened | {"title": "Protect supervision"}).page
    assert refused.form_data()["title"] == "Protect supervision"
    marked = " ".join(refused.css("#id_title-changed")[0].text_content().split())
    assert "Protect reflection time" in marked


def test_the_history_does_not_repeat_a_status_change(world, as_user, action):
    lead = as_user(world.lead)
    data = lead.get(f"/actions/{action.pk}/edit/").page.form_data() | {"status": "in_progress"}
    assert lead.post(f"/actions/{action.pk}/edit/", data).status_code == 302
    page = lead.get(f"/actions/{action.pk}/").page
    latest = " ".join(page.css("ol.pf-findings > li")[0].text_content().split())
    assert latest.lower().count("not started → in progress") == 1


def test_a_refused_progress_update_keeps_a_status_changed_meanwhile(world, as_user, action):
    owner = as_user(world.member)
    opened = owner.get(f"/actions/{action.pk}/update/").page.form_data()
    services.edit_action(action, version=action.version, by=world.lead, status="in_progress")

    refused = owner.post(f"/actions/{action.pk}/update/", opened | {"text": "Rooms booked."}).page
    again = refused.form_data()
    assert again["text"] == "Rooms booked." and again["status"] == "in_progress"
    assert owner.post(f"/actions/{action.pk}/update/", again).status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress"
