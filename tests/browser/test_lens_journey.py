"""The trauma-informed lens event, end to end: the lead drafts the pathway and
sets up three groups; a lived-experience adviser reads the support on offer
before the day; two participants add notes from their own browsers (one with
JavaScript off); the facilitator watches the map fill in; the room votes; the
priorities become findings; the report and the leaflet are downloaded."""

import re
import subprocess

from django.utils import timezone

from pathfinder.lens.models import JourneyNote, LensEvent
from pathfinder.programmes.models import Finding
from pathfinder.testing.factories import TEST_PASSWORD, MembershipFactory


def pdf_text(path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def add_note(person, who: str, stage: str, kind: str, text: str, principles: list[str], raised_by: str | None = None):
    """From the journey's page: one note at one stage."""
    person.click(f"Add notes at {stage} for {who}")
    assert person.heading().endswith(stage)
    person.choose(kind)
    person.fill("Your note", text)
    for principle in principles:
        person.choose(principle)
    if raised_by:
        person.choose(raised_by)
    person.press("Add the note")
    assert person.sees("Your note is added.")
    assert person.sees(text)
    person.click(f"All of {who}'s journey")


def test_a_lens_event_from_pathway_to_leaflet(journey, new_journey, world, tmp_path):
    staff = MembershipFactory(service=world.service, role="staff", user__full_name="Sam Staff").user
    adviser = MembershipFactory(service=world.service, role="lived_experience", user__full_name="Ada Adviser").user

    # The lead drafts the pathway from the usual stages, and says how long assessment takes
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Lens event")
    assert journey.heading().endswith("Trauma-informed lens events")
    journey.click("draft the service pathway")
    journey.press("Start with the usual stages")
    assert journey.sees("Eight usual stages are in place")
    journey.click("Edit Assessment")
    journey.fill("How long it usually takes (optional)", "Within 3 weeks")
    journey.press("Save the stage")
    journey.click("See the pathway as everyone sees it (and print it)")
    assert journey.sees("Stage 3 of 8")
    assert journey.sees("Within 3 weeks")

    # ...sets up the event with three groups, each following two fictional people
    journey.click("Lens event")
    journey.click("Set up a lens event")
    # The event is held today, so it can be closed today (not before its day)
    journey.fill("Date (optional)", timezone.localdate().isoformat())
    journey.fill("Place (optional)", "Town hall, main room")
    journey.press("Set up the event")
    assert journey.sees("The event is set up")
    journey.click("Groups and fictional people")
    for tier, first, second in [
        ("Lower risk, more stable", "Morag (47) – lower risk", "Callum (29) – lower risk"),
        ("Mid risk, mental or physical health difficulties", "Derek (54) – mid risk", "Nicole (24) – mid risk"),
        ("Higher risk, more chaotic", "Shona (33) – higher risk", "Ryan (19) – higher risk"),
    ]:
        journey.choose(tier)
        journey.page.get_by_label("First fictional person").select_option(label=first)
        journey.page.get_by_label("Second fictional person").select_option(label=second)
        journey.press("Add the group")
        assert journey.sees("is added, following")
    assert journey.sees("Following: Shona (33) and Ryan (19)")

    # ...and adds the people taking part, each to a group
    journey.click("Back to the event")
    journey.click("People taking part")
    for label, group in [
        ("Bob Member (implementation group member)", "Group 1"),
        ("Sam Staff (staff member)", "Group 2"),
        ("Ada Adviser (lived-experience adviser)", "Group 3"),
    ]:
        journey.page.get_by_label(label).check()
        journey.page.get_by_label("Group (optional)", exact=True).first.select_option(label=group)
        journey.press("Add the people you chose")
    journey.choose("Partner")
    journey.press("Add them")
    assert journey.sees("Partner 1 is added.")
    event = LensEvent.objects.get()

    # Before the day, the lived-experience adviser sees what to expect and the support there
    advisor = new_journey()
    advisor.sign_in(adviser.email, TEST_PASSWORD)
    advisor.click("Lens event")
    advisor.click("Your event page for Trauma-informed lens event")
    assert advisor.sees("You can step out at any time")
    assert advisor.sees("A quiet space")
    assert advisor.sees("Nobody will ask you to share your own story")
    assert advisor.sees("Fictional person, written for discussion")
    assert advisor.sees("Content note:")
    assert advisor.sees("The event has not started yet")
    # ...and only the parts meant for participants
    advisor.go(f"/lens-events/{event.pk}/map/")
    assert advisor.heading() == "You do not have access to this"
    advisor.go(f"/lens-events/{event.pk}/vouchers/")
    assert advisor.heading() == "You do not have access to this"

    # The lead opens the event
    journey.click("Trauma-informed lens event")
    journey.press("Open the event")
    assert journey.sees("The event is open")

    # Two participants add notes from their own browsers; one has JavaScript switched off
    bob = new_journey()
    bob.sign_in(world.member.email, TEST_PASSWORD)
    bob.click("Lens event")
    bob.click("Your event page for Trauma-informed lens event")
    bob.click("Walk through Morag's journey")
    add_note(
        bob,
        "Morag",
        "First contact",
        "Works well",
        "Dr Reid texts the same day to say the referral arrived.",
        ["Trust"],
    )
    add_note(
        bob,
        "Morag",
        "Assessment",
        "Barrier",
        "Appointments only in working hours.",
        ["Choice", "Safety"],
        "Staff member",
    )

    sam = new_journey(java_script_enabled=False)
    sam.sign_in(staff.email, TEST_PASSWORD)
    sam.click("Lens event")
    sam.click("Your event page for Trauma-informed lens event")
    sam.click("Walk through Nicole's journey")
    # An empty note is explained, and nothing is lost
    sam.click("Add notes at Assessment for Nicole")
    sam.choose("Barrier")
    sam.press("Add the note")
    assert sam.page.title().startswith("Error: ")
    assert "Write the note before adding it." in sam.errors()
    sam.fill("Your note", "People retell their whole story at every assessment.")
    sam.choose("Trust")
    sam.press("Add the note")
    assert sam.sees("Your note is added.")
    sam.click("Next stage: Starting treatment")
    sam.choose("Idea")
    sam.fill("Your note", "Offer a 'This is me' document, if people choose to.")
    sam.choose("Empowerment")
    sam.press("Add the note")
    assert sam.sees("Your note is added.")

    # The facilitator sees the map fill in
    journey.click("The map")
    assert journey.sees("4 notes so far")
    assert journey.sees("People retell their whole story at every assessment.")
    assert journey.sees("raised by a staff member")
    assert not journey.sees("Sam Staff")
    journey.click("Refresh the map")
    assert journey.page.locator("table tbody tr").count() == 8

    # One note names a member of staff: the facilitator corrects it, and the name is gone
    journey.page.get_by_role("link", name=re.compile("Correct or remove the note “Dr Reid")).click()
    journey.check()
    assert journey.heading().endswith("Correct a note")
    journey.fill("Your note", "A text the same day says the referral arrived.")
    journey.press("Save the correction")
    assert journey.sees("The note is corrected")
    assert journey.sees("A text the same day says the referral arrived.")
    assert not journey.sees("Dr Reid")
    assert not JourneyNote.objects.filter(text__contains="Dr Reid").exists()
    journey.click("The map")

    # The facilitator groups barriers and ideas into areas for improvement
    journey.click("Trauma-informed lens event")
    journey.click("Priorities and voting")
    journey.fill("Area for improvement", "Tell your story once")
    journey.page.get_by_label(re.compile("People retell their whole story")).check()
    journey.page.get_by_label(re.compile("This is me")).check()
    journey.press("Add the area")
    journey.fill("Area for improvement", "Appointments that fit people's lives")
    journey.page.get_by_label(re.compile("Appointments only in working hours")).check()
    journey.press("Add the area")
    assert journey.sees("Appointments that fit people's lives")

    # Participants vote, within their allowance of three
    bob.go(f"/lens-events/{event.pk}/me/")
    bob.click("Vote on the priorities")
    for _ in range(2):
        bob.press("Give a vote to Tell your story once")
    bob.press("Give a vote to Appointments that fit people's lives")
    assert bob.sees("You have used 3 of your 3 votes.")
    bob.press("Give a vote to Appointments that fit people's lives")
    assert bob.sees("You have used all 3 of your votes, so that one was not counted.")
    sam.go(f"/lens-events/{event.pk}/vote/")
    sam.press("Give a vote to Tell your story once")
    assert sam.sees("Your vote for “Tell your story once” is counted.")

    # The ranked list; the top priority and a barrier become findings
    journey.page.reload()
    journey.check()
    ranked = journey.page.locator("main table").inner_text()
    assert ranked.index("Tell your story once") < ranked.index("Appointments that fit people's lives")
    journey.click("Turn priorities into findings for the implementation plan")
    journey.press("Add to findings – Tell your story once")
    assert journey.sees("Added to the programme's findings")
    barrier = JourneyNote.objects.get(text__startswith="Appointments only")
    journey.page.locator(f"#note-{barrier.pk}").get_by_label("Theme").select_option(label="Policies and processes")
    journey.press("Add to findings – Appointments only in working hours.")
    assert Finding.objects.filter(source_type="lens").count() == 2
    assert Finding.objects.get(kind="barrier").theme == "policies"

    # Sam starts a last note; meanwhile the lead closes the event
    sam.go(f"/lens-events/{event.pk}/me/")
    sam.click("Walk through Nicole's journey")
    sam.click("Add notes at Review for Nicole")
    sam.choose("Idea")
    sam.fill("Your note", "Ask people how the review felt for them.")
    sam.choose("Collaboration")

    # The lead closes the event and downloads the report
    journey.click("Trauma-informed lens event")
    journey.click("Close the event")
    assert journey.heading().endswith("Close the event?")
    assert journey.sees("What will happen") and journey.sees("What cannot be undone")
    journey.press("Close the event")
    assert journey.sees("The event is closed")
    journey.click("Report and findings")
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Event report (PDF)").click()
    report = tmp_path / "report.pdf"
    download.value.save_as(report)
    text = pdf_text(report)
    assert "Trauma-informed lens event: event report" in text
    assert "Tell your story once" in text and "People retell their whole story at every assessment." in text
    assert "Sam Staff" not in text and "Ada Adviser" not in text
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Event report (Word)").click()
    assert download.value.suggested_filename.endswith(".docx")

    # Sam's note, written as the event closed, is refused calmly; what was typed stays on the page
    sam.press("Add the note")
    assert sam.page.title().startswith("Error: ")
    assert sam.sees("The event has closed, so new notes cannot be added.")
    assert sam.page.get_by_label("Your note").input_value() == "Ask people how the review felt for them."
    sam.go(f"/lens-events/{event.pk}/me/")
    assert sam.sees("Thank you for taking part")

    # The communications leaflet, from the pathway and what is being done
    journey.click("Write and print the communications leaflet")
    journey.fill(
        "What we are doing about known problems (optional)",
        "You told us you had to retell your story. We are making a 'This is me' document with you.",
    )
    journey.press("Save the leaflet's words")
    assert journey.sees("The leaflet's words are saved")
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Leaflet (PDF)", exact=True).click()
    leaflet = tmp_path / "leaflet.pdf"
    download.value.save_as(leaflet)
    text = pdf_text(leaflet)
    assert "What happens at each stage" in text and "3. Assessment" in text and "Within 3 weeks" in text
    assert "We are making a 'This is me' document with you." in text or "We are making a ’This is me’" in text
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Easy read leaflet (PDF)").click()
    easy = tmp_path / "easy.pdf"
    download.value.save_as(easy)
    text = pdf_text(easy)
    assert "Easy read" in text and "Step 3: Assessment" in text and "How long: Within 3 weeks." in text
