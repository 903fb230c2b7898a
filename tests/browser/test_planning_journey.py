"""The implementation plan, end to end: findings become actions with owners
and costs; the owner updates an action while the lead edits it in another
browser (the lead's stale save is refused and nothing is lost); the timeline
and budget show the change; the group holds a meeting that raises an action;
and the senior-management report names the findings behind each action."""

import subprocess
from datetime import date, timedelta

from django.utils import timezone

from pathfinder.core.demo import HOME_FINDINGS
from pathfinder.planning.presenters.plan import quarter_of, quarters
from pathfinder.planning.services import actions as plan_services
from pathfinder.programmes import services as programme_services
from pathfinder.testing.factories import TEST_PASSWORD

SHARED_CARE = "GP practices are not sure who to contact with questions about shared care."


def pdf_text(path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def test_findings_become_a_plan_that_the_group_keeps_moving(journey, new_journey, world, tmp_path):
    # Given the demo's findings, one more from a partner, and the lead's funding sources
    for theme, kind, principle, text in [*HOME_FINDINGS, ("service_design", "feedback", "", SHARED_CARE)]:
        programme_services.add_finding(
            programme=world.programme,
            theme=theme,
            kind=kind,
            principles=[principle] if principle else [],
            text=text,
            by=world.lead,
        )
    plan_services.add_funding_source(programme=world.programme, name="ADP trauma-informed funding", by=world.lead)
    today = timezone.localdate()
    due = today + timedelta(days=120)
    later = today + timedelta(days=300)

    # The lead turns the partner's finding into an action with an owner and costs
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Plan")
    journey.click("Findings inbox")
    assert journey.sees("6 findings: 6 new")
    item = journey.page.locator("li.pf-finding", has_text=SHARED_CARE)
    item.get_by_role("link", name="Make an action from this").click()
    journey.check()
    assert journey.page.get_by_label(SHARED_CARE, exact=False).is_checked()
    journey.fill("What is the action?", "Set up a shared-care contact point for GP practices")
    journey.page.get_by_label("Owner", exact=True).select_option(label="Bob Member (implementation group member)")
    journey.fill("Due date", due.isoformat())
    journey.fill("Direct cost (optional)", "350")
    journey.fill("Staff time (optional)", "12")
    journey.page.get_by_label("Funding source (optional)", exact=True).select_option(
        label="ADP trauma-informed funding"
    )
    journey.press("Add to the plan")
    assert journey.sees("is in the plan")
    action_path = journey.page.url.replace(journey.base_url, "")
    assert journey.sees(SHARED_CARE) and journey.sees("£350.00, from ADP trauma-informed funding")

    # The lead starts changing the details…
    journey.click("Change the details")
    journey.fill("What is the action?", "Set up a shared-care mailbox for GP practices")
    journey.fill("Due date", later.isoformat())
    journey.fill("Direct cost (optional)", "500")

    # …while the owner, in their own browser, adds a progress update
    owner = new_journey()
    owner.sign_in(world.member.email, TEST_PASSWORD)
    owner.click("Plan")
    owner.click("My actions")
    owner.click("Set up a shared-care contact point for GP practices")
    owner.click("Add a progress update")
    owner.fill("What has happened?", "Two practices have agreed to try it first.")
    owner.choose("In progress")
    owner.press("Add update")
    assert owner.sees("Your update has been added")

    # The lead's save is refused, with the owner's change shown and the lead's words kept
    journey.press("Save changes")
    assert journey.page.title().startswith("Error: ")
    assert journey.errors()[0].startswith("Bob Member changed this action after you opened it")
    assert journey.sees("Two practices have agreed to try it first.")
    assert journey.page.get_by_label("What is the action?", exact=True).input_value() == (
        "Set up a shared-care mailbox for GP practices"
    )
    assert journey.page.get_by_label("Direct cost (optional)", exact=True).input_value() == "500"
    # The lead's edits sit on top of the owner's change: the status the lead never
    # touched now shows the owner's "In progress", marked as changed by someone else
    assert "Status" in journey.errors()[0]
    assert journey.page.get_by_label("In progress", exact=True).is_checked()
    assert journey.sees("Someone else changed this while you had it open. It now says: “In progress”.")
    # Saving again is a deliberate choice, and keeps the owner's status
    journey.press("Save changes")
    assert journey.sees("The action has been updated")
    assert journey.sees("Two practices have agreed to try it first.")  # the owner's update is in the history
    assert journey.sees("Due date:") and journey.sees("Direct cost: £350.00 → £500.00")
    assert not journey.sees("Status: In progress → Not started")  # nothing of the owner's was undone
    assert journey.page.locator("ol.pf-findings > li").first.inner_text().count("→ in progress") == 0

    # The timeline and the budget show the change
    journey.click("Implementation plan")
    journey.click("Timeline")
    periods = quarters(date.fromisoformat(str(world.programme.started_on)), 3)
    row = journey.page.locator("tbody tr", has_text="Set up a shared-care mailbox for GP practices")
    cells = row.locator("td").all_inner_texts()
    position = quarter_of(periods, later)
    if 0 <= position < len(periods):
        assert cells[position].strip() == "Due"
    journey.click("Budget")
    assert journey.sees("£500.00")
    assert journey.sees("most from one source is ADP trauma-informed funding (£500.00)")

    # The group holds a meeting that raises an action straight into the plan
    journey.click("Implementation group")
    journey.click("Add a meeting")
    journey.fill("Date of the meeting", today.isoformat())
    journey.choose("Alice Lead (programme lead)")
    journey.choose("Bob Member (implementation group member)")
    journey.fill("Decisions needed from senior management (optional)", "Agree protected time for training")
    journey.press("Save the meeting")
    journey.click("Raise an action")
    journey.fill("What is the action?", "Invite the pharmacy team to the next lens event")
    journey.page.get_by_label("Theme", exact=True).select_option(label="Service design and delivery")
    journey.page.get_by_label("Owner", exact=True).select_option(label="Alice Lead (programme lead)")
    journey.fill("Due date", due.isoformat())
    journey.press("Add to the plan")
    assert journey.sees("raised at this meeting")
    assert journey.page.locator("table", has_text="Invite the pharmacy team to the next lens event").count() == 1

    # The senior-management report names the findings behind each action
    journey.go(action_path)
    journey.click("Implementation plan")
    journey.click("Progress report")
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Progress report (PDF)").click()
    saved = tmp_path / "report.pdf"
    download.value.save_as(saved)
    text = pdf_text(saved)
    assert "Progress report for senior management" in text
    assert "Set up a shared-care mailbox for GP practices" in text
    assert SHARED_CARE in text
    assert "Invite the pharmacy team to the next lens event" in text
    assert "Agree protected time for training" in text
