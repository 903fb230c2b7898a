"""Journeys through the foundation: signing in, the programme dashboard,
findings, phases, people and invitations, site administration, two-step
verification, and what an outsider sees."""

from django.core import mail

from pathfinder.testing.factories import TEST_PASSWORD
from tests.browser.conftest import link_in


def test_a_lead_runs_the_programme_spine(journey, world):
    # Given the programme lead signs in
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    # Then they land on their programme, with its three phases and nine themes
    assert journey.heading().endswith("Home programme")
    assert journey.sees("Understand the service and its readiness")
    assert journey.sees("Power sharing with people with lived experience")
    assert not journey.sees("Other programme")

    # When they add a finding without saying what was found
    journey.click("All findings")
    journey.press("Add finding")
    # Then they are told what to fix, and nothing else is lost
    assert journey.page.title().startswith("Error: ")
    assert "Enter what was found" in " ".join(journey.errors()) or journey.errors()
    # When they fill it in properly
    journey.fill("What was found", "Reception is busy and loud; people wait standing up.")
    journey.choose("Service design and delivery")
    journey.choose("Barrier")
    journey.press("Add finding")
    # Then the finding is listed
    assert journey.sees("The finding has been added.")
    assert journey.sees("Reception is busy and loud")

    # When they mark the first phase as done
    journey.click("Programme")
    journey.click("Update Understand the service and its readiness")
    journey.choose("Done")
    journey.fill("End date (optional)", "2026-10-31")
    journey.press("Save phase")
    assert journey.sees("has been updated")
    assert journey.sees("31 October 2026")

    # And they invite a colleague
    journey.click("People")
    journey.fill("Email address", "new.colleague@example.org")
    journey.choose("Staff member")
    journey.press("Send invitation")
    assert journey.sees("Invitation sent to new.colleague@example.org")
    assert mail.outbox[-1].to == ["new.colleague@example.org"]

    # And the activity log shows what happened
    journey.click("See the activity log")
    assert journey.sees("Invitation sent")
    assert journey.sees("Phase updated")
    journey.sign_out()


def test_an_invited_person_joins_and_nothing_typed_is_lost(journey, world, new_journey):
    lead = new_journey()
    lead.sign_in(world.lead.email, TEST_PASSWORD)
    lead.click("People")
    lead.fill("Email address", "jo@example.org")
    lead.choose("Lived-experience adviser")
    lead.press("Send invitation")

    # The invited person opens the link from their e-mail: it points at the
    # server that sent it, whatever its port
    link = link_in(mail.outbox[-1].body)
    assert link.startswith(journey.base_url + "/invitations/")
    journey.page.goto(link)
    journey.check()
    assert journey.heading() == "Join Home Drug and Alcohol Service"
    # They pick a short password by mistake
    journey.fill("Your name", "Jo Adviser")
    journey.fill("Create a password", "short")
    journey.fill("Type the password again", "short")
    journey.press("Accept and join")
    assert journey.page.title().startswith("Error: ")
    assert journey.page.get_by_label("Your name").input_value() == "Jo Adviser"
    # Then they put it right and join
    journey.fill("Create a password", "a kettle on the harbour wall")
    journey.fill("Type the password again", "a kettle on the harbour wall")
    journey.press("Accept and join")
    assert journey.sees("Welcome to Home Drug and Alcohol Service")
    # A lived-experience adviser sees the programme but not the people page
    assert not journey.page.get_by_role("link", name="People", exact=True).count()


def test_an_outsider_sees_only_their_own_organisation(journey, world):
    journey.sign_in(world.outsider.email, TEST_PASSWORD)
    assert journey.heading().endswith("Other programme")
    # A link to another organisation's programme does not exist for them
    journey.go(f"/programmes/{world.programme.pk}/")
    assert journey.heading() == "We cannot find that page"
    assert not journey.sees("Home programme")
    journey.go(f"/services/{world.service.slug}/people/")
    assert journey.heading() == "We cannot find that page"


def test_a_read_only_viewer_is_told_calmly(journey, world):
    journey.sign_in(world.viewer.email, TEST_PASSWORD)
    journey.go(f"/programmes/{world.programme.pk}/phases/plan/")
    assert journey.heading() == "You do not have access to this"
    journey.go(f"/programmes/{world.programme.pk}/findings/")
    assert not journey.page.get_by_role("button", name="Add finding").count()


def test_a_site_admin_adds_an_organisation_and_a_service(journey, world):
    journey.sign_in(world.admin.email, TEST_PASSWORD)
    journey.click("Site administration")
    journey.click("Add an organisation")
    journey.press("Add organisation")
    assert journey.errors()
    journey.fill("Name", "Glenbrae Alcohol and Drug Partnership")
    journey.choose("Alcohol and drug partnership")
    journey.press("Add organisation")
    assert journey.sees("Glenbrae Alcohol and Drug Partnership has been added.")
    journey.click("Add a service")
    journey.page.get_by_label("Organisation that runs the service").select_option(
        label="Glenbrae Alcohol and Drug Partnership"
    )
    journey.fill("Name of the service", "Glenbrae Recovery Hub")
    journey.press("Add service")
    assert journey.heading().endswith("Glenbrae Recovery Hub")
    journey.fill("Email address", "hub.lead@example.org")
    journey.choose("Programme lead")
    journey.press("Send invitation")
    assert journey.sees("Invitation sent to hub.lead@example.org")
    first_link = link_in(mail.outbox[-1].body)

    # The lead says the e-mail never came: the site admin sends it again
    assert journey.sees("Invitations waiting for a reply")
    journey.press("Send again to hub.lead@example.org")
    assert journey.sees("A new invitation has been sent to hub.lead@example.org")
    second_link = link_in(mail.outbox[-1].body)
    assert second_link != first_link
    # Then, having invited the wrong address, withdraws it
    journey.press("Withdraw the invitation to hub.lead@example.org")
    assert journey.sees("The invitation to hub.lead@example.org has been withdrawn")
    assert not journey.sees("Invitations waiting for a reply")
    journey.sign_out()
    for link in (first_link, second_link):
        journey.page.goto(link)
        journey.check()
        assert journey.heading() == "This invitation link does not work"
