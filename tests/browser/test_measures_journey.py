"""Outcome measures, end to end: the lead loads the example measure, records
three people twice (one reference refused on the way), and reads the results,
where figures for so few people are withheld and the page says why."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.testing.factories import TEST_PASSWORD

NAME = "Example wellbeing check (not a real measure)"
ITEMS = (
    "In the last two weeks, the person has felt settled in themselves.",
    "In the last two weeks, the person has felt hopeful about what comes next.",
    "In the last two weeks, the person has had a routine that works for them.",
    "In the last two weeks, the person has had someone to turn to when things were hard.",
)


def _answer(journey, label: str):
    for item in ITEMS:
        journey.page.get_by_role("group", name=item).get_by_label(label, exact=True).check()


def test_loading_recording_and_reading_a_measure(journey, world):
    today = timezone.localdate()
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Go to the outcome measures")
    assert journey.sees("Your service has not loaded a measure yet.")
    journey.press("Load the example measure")
    assert journey.sees("is loaded. It is an example")

    journey.click(f"Record {NAME}")
    # A CHI number is refused, with the reason, and what was typed is kept
    journey.fill("The person's reference", "0101901234")
    journey.fill("Date the measure was done", (today - timedelta(days=100)).isoformat())
    _answer(journey, "Sometimes")
    journey.press("Save the record")
    assert journey.page.title().startswith("Error: ")
    assert any("looks like a CHI number" in error for error in journey.errors())
    assert journey.page.get_by_label("The person's reference", exact=True).input_value() == "0101901234"

    for days, label in ((100, "Sometimes"), (5, "Often")):
        for reference in ("NORTH-1", "NORTH-2", "NORTH-3"):
            journey.fill("The person's reference", reference)
            journey.fill("Date the measure was done", (today - timedelta(days=days)).isoformat())
            _answer(journey, label)
            journey.press("Save the record")
            assert journey.sees(f"The record of {NAME} has been saved.")

    journey.click("Outcome measures")
    journey.click(f"Results for {NAME}")
    assert journey.sees("not shown")
    assert journey.sees("fewer than 10 responses")
    assert journey.sees("Why some figures are not shown")
    main = journey.page.locator("main").inner_text()
    assert "2.0" not in main and "4.0" not in main
