"""Phase one as a whole, in one lean journey (the interviews, documents and
partners journeys each go deeper): an interview recorded with JavaScript
switched off, consent first, its barrier made a finding; a document review's
proposed change put in the plan; a partner invited to the training needs
analysis; then the phase one page lists what each part found, theme by
theme, and the phase one summary PDF, read back with pdftotext, covers all
three and names nobody."""

import re
from datetime import date

from django.utils import timezone

from pathfinder.discovery.services import documents
from pathfinder.discovery.tests.factories_documents import a_document
from pathfinder.discovery.tests.factories_partners import LearningFactory, PartnerFactory, tna_survey
from pathfinder.planning.models import Action
from pathfinder.programmes.models import Finding
from pathfinder.testing.factories import TEST_PASSWORD
from tests.browser.test_discovery_interviews_journey import pdf_text


def _paperwork(world):
    """What earlier steps of phase one left: a reviewed form, a partner, a TNA survey."""
    tna_survey(world.programme, world.lead, title="Training needs 2027")
    form = a_document(world, version_date=date(2026, 2, 1))
    documents.record_review(
        document=form,
        by=world.lead,
        reviewed_on=timezone.localdate(),
        answers={
            "retell": {
                "answer": "yes",
                "found": "Section 4 asks about past trauma at every referral.",
                "proposed": "Ask once, with consent, and share it with partners.",
            }
        },
    )
    partner = PartnerFactory(programme=world.programme, name="Riverside Medical Practice")
    LearningFactory(partner=partner)  # a barrier: "Shared care reviews happen without the person there."


def test_phase_one_from_interview_to_summary(journey, new_journey, world, tmp_path):
    _paperwork(world)
    pk = world.programme.pk

    # An interview recorded from a browser without JavaScript: consent first
    quiet = new_journey(java_script_enabled=False)
    quiet.sign_in(world.lead.email, TEST_PASSWORD)
    quiet.go(f"/programmes/{pk}/interviews/")
    quiet.click("Record an interview")
    quiet.choose("One person")
    quiet.choose("Staff of the service")
    quiet.fill("Date of the interview", timezone.localdate().isoformat())
    quiet.fill("Role of the first person taking part", "Recovery worker")
    quiet.choose("1 to 5 years")
    quiet.fill("Their name (optional)", "Jo Bloggs")
    quiet.press("Continue to consent")
    quiet.press("Record consent")
    assert quiet.page.title().startswith("Error: ")  # no consent recorded: nothing moves on
    quiet.choose("Everyone taking part has agreed to take part")
    quiet.choose("No, or not everyone: take written notes only")
    quiet.press("Record consent")
    assert quiet.sees("Consent is recorded. You can now write the notes.")
    quiet.fill("Support for staff wellbeing (optional)", "Supervision happens, but only monthly.")
    quiet.press("Save the notes")
    assert quiet.sees("The notes are saved.")
    quiet.choose("Gets in the way (barrier)")
    quiet.fill("What helps or gets in the way", "Supervision is too rare to help.")
    quiet.choose("Workforce care, support and wellbeing")
    quiet.choose("Safety")
    quiet.press("Add it")
    assert quiet.sees("It is added to this interview's list."), quiet.page.locator("main").inner_text()[:1500]
    quiet.page.get_by_role("button", name=re.compile("Make it a finding.*Supervision is too rare to help")).click()
    quiet.check()
    assert quiet.sees("Added to the programme's findings")
    assert Finding.objects.filter(source_type="interview").count() == 1

    # The review's proposed change becomes an action in the plan
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.go(f"/programmes/{pk}/documents/")
    journey.click("Initial assessment form")
    journey.page.locator("main a[href^='/document-reviews/']").first.click()
    journey.check()
    journey.page.locator("a", has_text="Put this change in the plan").first.click()
    journey.check()
    journey.fill("What is the action?", "Ask about trauma once, with consent")
    journey.page.get_by_label("Owner", exact=True).select_option(label="Bob Member")
    today = timezone.localdate()
    journey.fill("Due date", today.replace(year=today.year + 1).isoformat())
    journey.press("Add the action to the plan")
    assert journey.sees("is in the implementation plan, with the finding it answers.")
    action = Action.objects.get(title="Ask about trauma once, with consent")
    assert list(action.findings.values_list("source_type", flat=True)) == ["document_review"]

    # A partner is invited to the training needs analysis
    journey.go(f"/programmes/{pk}/partners/")
    journey.click("Riverside Medical Practice")
    journey.press("Invited to Training needs 2027")
    assert journey.sees("Recorded: Riverside Medical Practice invited to Training needs 2027.")

    # The phase one page: progress and what each part found, theme by theme
    journey.go(f"/programmes/{pk}/phase-one/")
    assert journey.sees("1 interview recorded, 0 with partners.")
    assert journey.sees("1 partner registered, 1 invited to something, 0 took part.")
    assert journey.sees("Interviews: 1 barrier.")
    assert journey.sees("“Initial assessment form”: 1 thing noted, 1 change proposed")
    assert journey.sees("Barrier, working with Riverside Medical Practice: Shared care reviews happen")

    # ...and the phase one summary, read back from the PDF
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Download the phase one summary (PDF)").click()
    saved = tmp_path / "phase-one.pdf"
    download.value.save_as(saved)
    text = pdf_text(saved)
    assert "Phase one summary" in text
    assert "Familiarisation interviews" in text and "Supervision is too rare to help." in text
    assert "Documents and their review" in text and "Initial assessment form" in text
    assert "Partners" in text and "Riverside Medical Practice" in text
    assert "Ready for the lens event" in text
    assert "Jo Bloggs" not in text and "Recovery worker" not in text
