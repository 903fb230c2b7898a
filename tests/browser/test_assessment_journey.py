"""The organisational assessment, end to end: open a round, rate privately,
agree scores together, close, see results and turn a gap into a finding."""

from pathfinder.testing.factories import TEST_PASSWORD, MembershipFactory


def test_a_baseline_assessment_from_opening_to_findings(journey, new_journey, world, tmp_path):
    third = MembershipFactory(service=world.service, role="group_member", user__full_name="Gail Third").user
    fourth = MembershipFactory(service=world.service, role="group_member", user__full_name="Hana Fourth").user
    # The lead opens the baseline round, with the group as raters
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Assessment")
    journey.click("Open a new round")
    journey.page.get_by_label("Gail Third (implementation group member)").check()
    journey.press("Open the round")
    assert journey.sees("is open")
    assert journey.sees("Your ratings are not anonymous")

    # Each rater answers the first theme privately, in their own browser
    for person, score in (
        (world.member, "4 – In place across the service"),
        (third, "4 – In place across the service"),
        (fourth, "2 – Planning or early steps"),
    ):
        rater = new_journey()
        rater.sign_in(person.email, TEST_PASSWORD)
        rater.click("Assessment")
        rater.click("Baseline assessment")
        rater.click("Start rating")
        assert rater.heading().endswith("Organisational culture")
        for radio in rater.page.get_by_label(score, exact=True).all():
            radio.check()
        rater.page.get_by_label("What shows this? (optional)").first.fill("Team meeting notes")
        rater.press("Save and come back later")
        assert rater.sees("Your answers are saved")
        rater.click("Check and submit")
        rater.press("Submit my answers")
        assert rater.sees("Your answers are submitted")

    # The lead rates too, then closes ratings and agrees scores with the group
    journey.page.goto(journey.page.url)
    journey.check()
    journey.click("Start rating")
    for radio in journey.page.get_by_label("2 – Planning or early steps", exact=True).all():
        radio.check()
    journey.press("Save and come back later")
    # "Carry on rating" goes back to the theme they stopped at
    journey.click("Carry on rating")
    assert journey.heading().endswith("Organisational culture")
    journey.click("Baseline assessment")
    journey.click("Close ratings and agree scores")
    assert journey.sees("What cannot be undone")
    journey.press("Close ratings and agree scores")
    assert journey.heading().endswith("Organisational culture")
    # Three others submitted; the lead's own unsubmitted answers are not counted
    assert journey.sees("3 gave a score")
    assert journey.sees("Views differ by 2 points")
    for radio in journey.page.get_by_label("3 – Partly in place", exact=True).all():
        radio.check()
    journey.page.get_by_label("4 – In place across the service", exact=True).first.check()
    journey.page.get_by_label("Why (the group's reasoning, optional)").first.fill("Some teams do, some do not yet")
    journey.press("Save and stay here")
    assert journey.sees("Agreed scores for “Organisational culture” are saved")

    journey.click("Baseline assessment")
    journey.click("Close the round and share the results")
    journey.press("Close the round and share the results")
    assert journey.heading().endswith("Results: Baseline assessment")
    assert journey.page.locator("svg[role=img]").count() == 1
    assert journey.sees("The average agreed score is")

    # A strength goes into the programme's findings with one click
    journey.page.get_by_role("button", name="Add to findings").first.click()
    journey.check()
    assert journey.sees("Added to the programme's findings")
    assert journey.sees("In the findings")

    # Anyone in the programme, such as the evaluator, can now read the results
    reader = new_journey()
    reader.sign_in(world.viewer.email, TEST_PASSWORD)
    reader.go(journey.page.url.replace(journey.base_url, ""))
    assert reader.heading().endswith("Results: Baseline assessment")

    # The lead downloads the summary for senior management
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Summary for senior management (PDF)").click()
    saved = tmp_path / "summary.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
