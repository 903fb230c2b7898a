"""Phase one's paperwork: the lead registers three documents, saying who may
change each; a working group is set up, meets, and reviews the assessment
form against the checklist; the change it proposes becomes an action in the
implementation plan, citing the finding the review produced."""

from django.utils import timezone

from pathfinder.testing.factories import TEST_PASSWORD

DOCUMENTS = [
    ("Staff mental health and wellbeing policy", "Board-wide policy", "HR", "Only HR can change it"),
    ("Initial assessment form", "Assessment form", "The team", "Frontline staff in the team can change it"),
    ("Welcome leaflet", "Leaflet", "The team", "Frontline staff in the team can change it"),
]


def test_a_working_group_reviews_a_document_and_its_change_goes_into_the_plan(journey, world):
    today = timezone.localdate()

    # Given a lead signed in, with a working group for the service's forms
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Programme")
    journey.click("Documents")
    assert journey.heading().endswith("Documents register")
    journey.click("Working groups")
    journey.click("Set up a working group")
    journey.fill("Name", "Assessment forms")
    journey.fill("Remit (optional)", "Read the forms people fill in when they first come, and agree changes.")
    journey.choose("Bob Member (Implementation group member)")
    journey.press("Save the group")
    assert journey.sees("The “Assessment forms” working group has been set up.")

    # When the lead registers three documents
    for title, kind, owner, changed_by in DOCUMENTS:
        journey.click("Programme")
        journey.click("Documents")
        journey.click("Add a document")
        journey.fill("Name of the document", title)
        journey.choose(kind)
        journey.choose(owner)
        journey.choose(changed_by)
        journey.fill("Current version (optional)", "1.0")
        journey.fill("Date of the current version (optional)", "2026-02-01")
        if title == "Initial assessment form":
            journey.page.get_by_label("Working group reviewing it (optional)", exact=True).select_option(
                label="Assessment forms"
            )
        journey.press("Save the document")
        assert journey.sees(f"“{title}” is in the register.")

    # Then the register says what frontline staff can and cannot change
    journey.click("Programme")
    journey.click("Documents")
    assert journey.sees("Board-wide policies, such as HR policies, can only be changed by HR or senior management")
    assert journey.sees("Only HR can change it")
    assert journey.page.locator("main table tbody tr").count() == 3

    # A review date before the version date is refused, and nothing is lost
    journey.click("Welcome leaflet")
    journey.click("Change the details")
    journey.fill("Next review date (optional)", "2026-01-01")
    journey.press("Save the document")
    assert journey.page.title().startswith("Error: ")
    assert any("before the date of the current version" in error for error in journey.errors())
    assert journey.page.get_by_label("Name of the document", exact=True).input_value() == "Welcome leaflet"

    # The working group meets, with the implementation group's meeting record
    journey.click("Programme")
    journey.click("Documents")
    journey.click("Working groups")
    journey.click("Assessment forms")
    assert journey.sees("Initial assessment form")
    journey.click("Add a meeting")
    journey.fill("Notes (optional)", "Read the assessment form together.")
    journey.fill("Decisions made (optional)", "Ask about trauma once, with consent")
    journey.press("Save the meeting")
    assert journey.heading().startswith("Assessment forms (working group)")

    # The group reviews the assessment form against the checklist
    journey.go(f"/programmes/{world.programme.pk}/documents/")
    journey.click("Initial assessment form")
    assert journey.sees("Frontline staff can change this document.")
    journey.click("Review it with the checklist")
    journey.page.check("input[name=retell__answer][value=yes]")
    journey.page.fill("textarea[name=retell__found]", "Section 4 asks about past trauma at every referral.")
    journey.page.fill("textarea[name=retell__proposed]", "Ask once, with consent, and share it with partners.")
    journey.page.check("input[name=person_first__answer][value=partly]")
    journey.page.fill("textarea[name=person_first__found]", "It calls people 'addicts' twice.")
    journey.fill("Summary (optional)", "Long, and asks people to retell what happened to them.")
    journey.press("Save the review")
    assert journey.sees("The review has been saved.")

    # And the proposed change becomes an action in the plan, citing its finding
    journey.page.locator("a", has_text="Put this change in the plan").first.click()
    journey.check()
    journey.fill("What is the action?", "Ask about trauma once, with consent")
    journey.page.get_by_label("Owner", exact=True).select_option(label="Bob Member")
    journey.fill("Due date", today.replace(year=today.year + 1).isoformat())
    journey.press("Add the action to the plan")
    assert journey.sees("is in the implementation plan, with the finding it answers.")
    assert journey.sees("In the plan: Ask about trauma once, with consent")
    journey.click("Ask about trauma once, with consent")
    assert journey.sees("Initial assessment form")
    journey.go(f"/programmes/{world.programme.pk}/documents/")
    assert journey.sees("Changes proposed")
