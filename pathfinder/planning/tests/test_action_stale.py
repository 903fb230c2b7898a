"""Two people at once: a save from a page someone else has changed since is
refused, their change is shown beside what this person typed, and nothing
typed is lost. Saving again is then a deliberate choice."""

from pathfinder.planning.models import Action
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import form_data


def test_a_stale_edit_is_refused_with_the_other_change_shown(world, as_user, action):
    opened = action.version
    # The owner adds an update in another browser while the lead has the edit page open.
    services.add_update(action, version=opened, by=world.member, text="First session booked.", status="in_progress")

    client = as_user(world.lead)
    typed = form_data(
        action, version=str(opened), title="Protect reflective practice every month", status="not_started"
    )
    response = client.post(f"/actions/{action.pk}/edit/", typed)

    assert response.status_code == 200
    page = response.page
    assert page.title.startswith("Error: ")
    assert page.error_summary()[0].startswith("Bob Member changed this action after you opened it")
    change = page.css("#their-change")[0].text_content()
    assert "First session booked." in change
    assert "Status changed from not started to in progress" in " ".join(change.split())
    rows = [[cell.text_content() for cell in row] for row in page.css("#their-change tbody tr")]
    assert ["Title", "Protect reflective practice", "Protect reflective practice every month"] in rows
    assert ["Status", "In progress", "Not started"] in rows
    # What the lead typed is still in the form, with the newest version.
    assert page.css("input[name=title]")[0].get("value") == "Protect reflective practice every month"
    assert page.css("input[name=version]")[0].get("value") == str(opened + 1)
    action.refresh_from_db()
    assert action.title == "Protect reflective practice" and action.status == "in_progress"
    # The page names the action as it is saved, not as typed.
    assert page.css(".nhsuk-caption-l")[0].text_content() == "Protect reflective practice"

    # Saving again is deliberate, and works.
    typed["version"] = str(opened + 1)
    assert client.post(f"/actions/{action.pk}/edit/", typed).status_code == 302
    action.refresh_from_db()
    assert action.title == "Protect reflective practice every month"
    assert action.updates.count() == 3  # created, the owner's update, the lead's edit


def test_a_stale_progress_update_is_refused_and_kept(world, as_user, action):
    services.edit_action(action, version=action.version, by=world.lead, status="blocked", blocked_reason="No room")
    response = as_user(world.member).post(
        f"/actions/{action.pk}/update/", {"version": "1", "text": "Booked the room", "status": "in_progress"}
    )
    assert response.status_code == 200
    page = response.page
    assert "Its status is now “Blocked”" in page.error_summary()[0]
    assert page.css("#id_text")[0].text_content() == "Booked the room"
    assert Action.objects.get().status == "blocked"
    again = as_user(world.member).post(
        f"/actions/{action.pk}/update/", {"version": "2", "text": "Booked the room", "status": "in_progress"}
    )
    assert again.status_code == 302
    assert Action.objects.get().status == "in_progress"


def test_saving_an_unchanged_form_changes_nothing(world, as_user, action):
    response = as_user(world.lead).post(f"/actions/{action.pk}/edit/", form_data(action))
    assert response.status_code == 302
    assert action.updates.count() == 1
