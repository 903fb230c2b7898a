"""The lead reviews a draft plan: removes lines, adds lines, changes priorities;
a change made from a page that is out of date is refused."""

import io

from openpyxl import load_workbook

from pathfinder.core.models import AuditEvent
from pathfinder.workforce import plans
from pathfinder.workforce.tests.conftest import entry


def plan_url(plan, rest=""):
    return f"/training-plans/{plan.pk}/{rest}"


def test_the_lead_removes_a_line(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    line = plan.lines.get(job_role="admin", kind="core", entry__key="ti-films")
    response = as_user(world.lead).post(plan_url(plan, f"lines/{line.pk}/remove/"), {"version": 1, "role": "admin"})
    assert response["Location"] == plan_url(plan) + "#role-admin"
    assert not plan.lines.filter(pk=line.pk).exists()
    plan.refresh_from_db()
    assert plan.version == 2
    assert AuditEvent.objects.get(kind="training.plan_changed").detail["change"] == "line_removed"


def test_a_stale_removal_is_refused(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    first, second = plan.lines.filter(job_role="admin")[:2]
    client = as_user(world.lead)
    client.post(plan_url(plan, f"lines/{first.pk}/remove/"), {"version": 1})
    client.post(plan_url(plan, f"lines/{second.pk}/remove/"), {"version": 1})
    assert plan.lines.filter(pk=second.pk).exists()
    text = client.get(plan_url(plan)).page.text()
    assert "Someone else changed this plan after you opened the page, so nothing was changed." in text


def test_the_lead_changes_a_priority(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    line = plan.lines.get(job_role="practitioner", kind="core", entry__key="ts-elearning")
    client = as_user(world.lead)
    client.post(plan_url(plan, f"lines/{line.pk}/priority/"), {"version": 1, "priority": "high"})
    line.refresh_from_db()
    assert line.priority == "high"
    page = client.get(plan_url(plan)).page
    assert "Make normal priority" in page.text()
    assert page.css("a.nhsuk-contents-list__link[href='#role-practitioner'] + .nhsuk-tag--red")


def test_the_lead_adds_a_line(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    stilt = entry(world.service, "stilt")
    client = as_user(world.lead)
    page = client.get(plan_url(plan, "lines/add/?role=practitioner")).page
    assert page.css("input[name=job_role][value=practitioner]")[0].get("checked") is not None
    data = {
        "version": 1,
        "job_role": "practitioner",
        "entry": stilt.pk,
        "kind": "core",
        "priority": "high",
        "note": " Lead role soon ",
    }
    response = client.post(plan_url(plan, "lines/add/"), data)
    assert response["Location"] == plan_url(plan) + "#role-practitioner"
    line = plan.lines.get(job_role="practitioner", entry=stilt)
    assert (line.kind, line.priority, line.note, line.level) == ("core", "high", "Lead role soon", "skilled")
    assert "Note: Lead role soon" in client.get(plan_url(plan)).page.text()


def test_a_line_already_in_the_plan_is_not_added_twice(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    films = entry(world.service, "ti-films")
    data = {"version": 1, "job_role": "admin", "entry": films.pk, "kind": "core", "priority": "normal", "note": "x"}
    page = as_user(world.lead).post(plan_url(plan, "lines/add/"), data).page
    assert page.error_summary() == [
        "“Short films on trauma-informed practice” is already in this part of the plan for this role."
    ]
    assert page.css("#id_note")[0].text_content() == "x"


def test_a_stale_addition_is_refused_and_keeps_the_choices(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    plans.remove_line(plan, plan.lines.first().pk, version=1, by=world.lead)
    stilt = entry(world.service, "stilt")
    data = {"version": 1, "job_role": "clinician", "entry": stilt.pk, "kind": "core", "priority": "normal", "note": ""}
    page = as_user(world.lead).post(plan_url(plan, "lines/add/"), data).page
    assert "Someone else changed this plan after you opened this page" in page.text()
    assert page.css("input[name=version]")[0].get("value") == "2"
    assert page.css("input[name=job_role][value=clinician]")[0].get("checked") is not None
    assert not plan.lines.filter(entry=stilt, job_role="clinician").exists()


def test_people_who_cannot_edit_see_no_buttons(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    page = as_user(world.member).get(plan_url(plan)).page
    assert not page.css("form[action*='/lines/']")
    assert "Add training for" not in page.text()


def test_the_plan_downloads_as_a_spreadsheet(world, as_user):
    plan = plans.draft_plan(world.programme, None, world.lead)
    response = as_user(world.viewer).get(plan_url(plan, "download.xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="home-service-training-plan-from-the-role-map.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]][:4] == ["Job role", "Part of the plan", "Practice level", "Training"]
    assert sheet.max_row == plan.lines.count() + 1
    assert workbook.worksheets[1]["A2"].value == "Senior or middle manager"
    event = AuditEvent.objects.get(kind="data.export")
    assert (event.actor, event.target_id, event.detail) == (
        world.viewer,
        str(plan.pk),
        {"format": "xlsx", "what": "training plan"},
    )
