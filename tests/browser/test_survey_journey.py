"""A training needs analysis: the lead sets it up, twelve staff answer with
their codes, and the results appear with a small group withheld."""

import re
from datetime import date, timedelta

from django.core import mail

from pathfinder.testing.factories import TEST_PASSWORD, MembershipFactory


def test_a_training_needs_analysis_from_codes_to_results(journey, new_journey, world):
    staff = [MembershipFactory(service=world.service, role="staff").user for _ in range(12)]
    # The lead sets up the survey and sends everyone a code
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Surveys")
    journey.click("Set up a survey")
    journey.fill("Name of the survey", "Training needs 2027")
    journey.page.get_by_label("Questionnaire").select_option(label="Training needs analysis, version 1")
    journey.choose("Training needs analysis")
    journey.choose("Single-use codes (one per person)")
    journey.press("Set up the survey")
    assert journey.sees("The survey is set up")
    for person in staff:
        journey.page.get_by_label(person.full_name, exact=True).check()
    journey.press("Send and make codes")
    assert journey.sees("Codes sent to 12 people")

    # Twelve staff answer with their codes: ten practitioners and two admin staff
    codes = {message.to[0]: re.search(r"Your code:\s+(\S+)", message.body).group(1) for message in mail.outbox}
    link = re.search(r"https?://\S+(/answer/\S+/)", mail.outbox[0].body).group(1)
    respondent = new_journey()
    for number, person in enumerate(staff):
        respondent.go(link)
        respondent.fill("Your code", codes[person.email])
        respondent.choose("Admin, reception or support staff" if number < 2 else "Practitioner or key worker")
        respondent.page.get_by_role("group", name=re.compile("Using those principles")).get_by_label(
            "Fairly confident"
        ).check()
        respondent.press("Send my answers")
        assert respondent.heading() == "Thank you"
    # A used code is refused calmly, with no hint about anyone else's
    respondent.go(link)
    respondent.fill("Your code", codes[staff[0].email])
    respondent.choose("Practitioner or key worker")
    respondent.press("Send my answers")
    assert "That code does not work" in " ".join(respondent.errors())

    # The lead closes the survey and reads the results
    journey.page.reload()
    journey.check()
    journey.click("Close the survey now")
    assert journey.sees("A closed survey cannot be opened again")
    journey.press("Close the survey now")
    assert journey.sees("12 people answered")
    assert journey.sees("Confidence compared with Scotland")
    # The two admin staff cannot be chosen on their own: the choice says so
    admin = journey.page.get_by_label("Role", exact=True).locator("option", has_text="Admin, reception")
    assert admin.is_disabled() and "not available" in admin.inner_text()
    # and asking for them anyway (an old bookmark, no JavaScript) is refused plainly
    journey.page.goto(journey.page.url.split("?")[0] + "?about.role=admin")
    journey.check()
    assert journey.sees("Not shown, to protect anonymity")

    # The training plan is drafted from the TNA and the role map
    journey.click("Training")
    journey.click("Draft a training plan")
    journey.choose(
        "Training needs 2027 (closed "
        + journey.page.locator("label", has_text="Training needs 2027").first.inner_text().split("(closed ")[1]
    )
    journey.press("Draft the plan")
    assert journey.sees("Practitioner")
    assert journey.sees("Induction")

    # Records in the training register update coverage
    journey.click("Training")
    journey.click("Record staff job roles and the training they have done")
    journey.click(staff[2].full_name)
    journey.choose("Practitioner or key worker")
    journey.press("Save the job role")
    journey.page.get_by_label("Training", exact=True).select_option(index=1)
    journey.choose("They have done it")
    journey.fill("Date", "2027-02-01")
    journey.press("Record it")
    # One piece of training is not all the plan asks of a practitioner at the informed level
    assert journey.sees("Not yet trained as the plan asks at: trauma-informed")

    # Someone without an account joins the register and is booked on training
    journey.click("Staff training")
    journey.click("Add someone who does not have an account")
    journey.fill("Name", "Morag Ross")
    journey.page.get_by_label("Job role").select_option(label="Admin, reception or support staff")
    journey.press("Add them")
    assert journey.sees("does not have a Pathfinder account")
    journey.page.get_by_label("Training", exact=True).select_option(index=1)
    journey.choose("They are booked on it")
    soon = date.today() + timedelta(days=30)
    journey.fill("Date", soon.isoformat())
    journey.press("Record it")
    assert journey.sees(f"Booked for {soon.day} {soon:%B %Y}")
    journey.click("Training")
    coverage = journey.page.locator("#coverage-informed").inner_text()
    assert "0%" in coverage
