"""Phase one interviews, end to end: the lead adapts the interview guide,
records two interviews (the second with JavaScript switched off), consent
first, tags barriers, turns two into findings, and downloads the phase one
summary, which names nobody."""

import re
import subprocess

from django.utils import timezone

from pathfinder.discovery.models import Interview, InterviewNote
from pathfinder.programmes.models import Finding
from pathfinder.testing.factories import TEST_PASSWORD

ADAPTED = "Familiarisation interview guide (Home Drug and Alcohol Service), version 1"


def pdf_text(path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def record_interview(person, *, format: str, audience: str, role: str, name: str = ""):
    person.click("Record an interview")
    person.choose(ADAPTED)
    person.choose(format)
    person.choose(audience)
    person.fill("Date of the interview", timezone.localdate().isoformat())
    person.fill("Role of the first person taking part", role)
    person.choose("1 to 5 years")
    if name:
        person.fill("Their name (optional)", name)
    person.press("Continue to consent")
    assert person.heading().endswith("Consent")


def tag_barrier(person, text: str, theme: str, principle: str):
    person.choose("Gets in the way (barrier)")
    person.fill("What helps or gets in the way", text)
    person.choose(theme)
    person.choose(principle)
    person.press("Add it")
    assert person.sees("It is added to this interview's list.")
    person.page.get_by_role("button", name=re.compile(f"Make it a finding.*{re.escape(text)}")).click()
    person.page.wait_for_load_state()
    person.check()
    assert person.sees("Added to the programme's findings")


def test_a_lead_records_familiarisation_interviews(journey, new_journey, world, tmp_path):
    # The lead adapts the guide: a probe about quiet space
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Phase one")
    assert journey.heading().endswith("Phase one: understanding the service")
    journey.click("Interviews")
    journey.click("The interview guide")
    assert journey.sees("Support for staff wellbeing")
    journey.click("Adapt the guide for Home Drug and Alcohol Service")
    journey.fill("Add a probe to “Support for staff wellbeing” (optional)", "Is there a quiet space to take a break?")
    journey.fill("What changed and why", "A probe about breaks")
    journey.press("Save as a new version")
    assert journey.sees("Is there a quiet space to take a break?")

    # ...records an interview with one member of staff: consent first
    journey.go(f"/programmes/{world.programme.pk}/interviews/")
    record_interview(
        journey, format="One person", audience="Staff of the service", role="Recovery worker", name="Jo Bloggs"
    )
    journey.press("Record consent")
    assert journey.page.title().startswith("Error: ")
    journey.choose("Everyone taking part has agreed to take part")
    journey.choose("No, or not everyone: take written notes only")
    journey.press("Record consent")
    assert journey.sees("Consent is recorded. You can now write the notes.")

    # ...a name in a notes box is a warning, and nothing typed is lost
    journey.fill("Their role (optional)", "Recovery worker on the outreach team.")
    journey.fill("Support for staff wellbeing (optional)", "Dr Reid runs supervision, but only monthly.")
    journey.press("Save the notes")
    assert journey.page.title().startswith("Error: ")
    assert any("Dr Reid" in error for error in journey.errors())
    assert journey.page.get_by_label("Their role (optional)").input_value() == "Recovery worker on the outreach team."
    journey.fill("Support for staff wellbeing (optional)", "Supervision happens, but only monthly.")
    journey.press("Save the notes")
    assert journey.sees("The notes are saved.")
    tag_barrier(journey, "Assessment forms ask people to retell their story.", "Policies and processes", "Trust")

    # A second interview, with a partner group, from a browser without JavaScript
    quiet = new_journey(java_script_enabled=False)
    quiet.sign_in(world.lead.email, TEST_PASSWORD)
    quiet.go(f"/programmes/{world.programme.pk}/interviews/")
    record_interview(quiet, format="A group", audience="A partner organisation", role="GP practice manager")
    quiet.choose("Everyone taking part has agreed to take part")
    quiet.choose("Yes, everyone agreed")
    quiet.press("Record consent")
    quiet.fill("Leaders and management (optional)", "Managers are seen as supportive of the work.")
    quiet.press("Save the notes")
    assert quiet.sees("The notes are saved.")
    quiet.fill("Their role", "Community pharmacist")
    quiet.press("Add the person")
    assert quiet.sees("The person is added.")
    tag_barrier(quiet, "Psychology needs three months abstinent first.", "Service design and delivery", "Choice")

    assert Interview.objects.count() == 2
    assert InterviewNote.objects.count() == 3
    assert Finding.objects.filter(source_type="interview").count() == 2

    # The phase one page lists what interviews found, per theme
    journey.click("Programme")
    journey.click("Phase one")
    assert journey.sees("Ready for the lens event?")
    assert journey.sees("Interviews: 1 barrier.")

    # The lead downloads the phase one summary: themes, no names
    journey.click("Interviews")
    journey.click("Summary across interviews")
    assert journey.sees("Psychology needs three months abstinent first.")
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Download the phase one summary (PDF)").click()
    summary = tmp_path / "summary.pdf"
    download.value.save_as(summary)
    text = pdf_text(summary)
    assert "Phase one summary" in text
    assert "Assessment forms ask people to retell their story." in text
    assert "Policies and processes" in text and "Service design and delivery" in text
    assert "Jo Bloggs" not in text and "Dr Reid" not in text
