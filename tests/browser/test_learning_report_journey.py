"""The learning report, end to end: the lead starts a draft from the
programme's records, rewords a theme (first saving without a title), publishes it after the
confirmation, and an evaluator reads the published version."""

from pathfinder.programmes.services import add_finding
from pathfinder.testing.factories import TEST_PASSWORD


def test_drafting_rewording_and_publishing_the_learning_report(journey, world):
    add_finding(
        programme=world.programme,
        theme="wellbeing",
        kind="barrier",
        text="Supervision is cancelled when the service is busy.",
        by=world.lead,
    )
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.go(f"/programmes/{world.programme.pk}/")
    journey.click("Go to the learning report")
    journey.press("Start a draft from the programme's records")
    assert journey.heading().endswith("Reword the draft")
    box = "Workforce care, support and wellbeing: what helped (optional)"
    journey.fill("Title", "")
    journey.fill(box, "- Managers now check in after a hard day.")
    journey.press("Save the draft")
    assert journey.errors() == ["Enter a title"]
    journey.fill("Title", "What we learned: Home programme")
    journey.press("Save the draft")
    assert journey.sees("Supervision is cancelled when the service is busy.")
    assert journey.sees("Managers now check in after a hard day.")
    journey.click("publish it")
    assert journey.sees("A published version cannot be changed or withdrawn.")
    journey.press("Publish this version")
    assert journey.sees("Version 1 has been published.")
    journey.sign_out()

    journey.sign_in(world.viewer.email, TEST_PASSWORD)
    journey.go(f"/programmes/{world.programme.pk}/learning-report/")
    journey.click("Version 1: What we learned: Home programme")
    assert journey.sees("Managers now check in after a hard day.")
    journey.finish()
