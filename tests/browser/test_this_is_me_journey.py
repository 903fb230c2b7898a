"""'This is me': a key worker sets up a profile with a person; the person uses
the set-up code, writes two parts and shares both with a GP practice
professional for 30 days; the professional sees those two parts and no
others; the person stops sharing; the professional's next request is refused;
the person sees both reads in their access log."""

import re

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from pathfinder.core.roles import Role
from pathfinder.testing import factories
from pathfinder.testing.authenticator import authenticator_code as current_code
from pathfinder.testing.factories import TEST_PASSWORD


def test_a_person_shares_two_parts_then_withdraws(new_journey, world):
    gp = factories.UserFactory(full_name="Dr Gina Practice", email="gina@riverside.example")
    factories.MembershipFactory(user=gp, service=world.service, role=Role.PARTNER)
    secret = generate_totp_secret()
    TOTP.activate(gp, secret)

    # The key worker sets up the profile with the person in the room
    worker = new_journey()
    worker.sign_in(world.member.email, TEST_PASSWORD)
    worker.go(f"/programmes/{world.programme.pk}/")
    worker.click("Set up a profile with someone")
    worker.click("Set up a profile with someone")
    worker.fill("The name they would like to be called", "Robin")
    worker.press("Record their agreement and make a set-up code")
    assert "Tick to confirm that they agreed, or come back when they are ready." in worker.errors()
    assert worker.page.get_by_label("The name they would like to be called", exact=True).input_value() == "Robin"
    worker.page.get_by_text("They agreed to have a 'This is me' profile", exact=False).click()
    worker.press("Record their agreement and make a set-up code")
    assert worker.heading() == "Set-up code for Robin"
    code = worker.page.locator("#setup-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)

    # The person sets up with the code and writes two parts
    person = new_journey()
    person.go("/this-is-me/start/")
    person.fill("Set-up code", code)
    person.fill("Choose a username", "robin")
    person.fill("Choose a passphrase", "kettle harbour green morning")
    person.fill("Type the passphrase again", "kettle harbour green morning")
    person.press("Set up my profile")
    assert person.heading() == "This is me"
    person.click("Write “How I like to be spoken to and contacted”")
    person.fill("How I like to be spoken to and contacted", "Call me Robin. Text before you phone, please.")
    person.press("Save and go to the next part")
    assert person.heading() == "What I want from the service"
    person.go("/this-is-me/me/")
    person.click("Write “What helps me cope”")
    person.fill("What helps me cope", "Sitting near the door, and knowing what will happen next.")
    person.press("Save and go back to my profile")
    person.click("Write “What has happened to me”")
    assert person.sees("Before you read on")
    person.fill("What has happened to me", "Something I only want to tell once.")
    person.press("Save and go back to my profile")
    assert person.sees("Call me Robin. Text before you phone, please.")

    # ...and shares both with the GP practice professional for 30 days
    person.click("Who can see it")
    person.click("Share some of my profile")
    person.choose("A named professional from a partner organisation")
    person.page.get_by_label("The professional from a partner organisation", exact=True).select_option(
        label="Dr Gina Practice"
    )
    person.choose("How I like to be spoken to and contacted")
    person.choose("What helps me cope")
    person.choose("My care and support")
    person.choose("30 days")
    person.press("Share")
    assert person.sees("You are now sharing 2 parts with Dr Gina Practice.")

    # The professional sees those two parts, and no others
    professional = new_journey()
    professional.sign_in(gp.email, TEST_PASSWORD)
    professional.fill("Code", current_code(secret))
    professional.press("Continue")
    professional.go("/this-is-me/shared/")
    professional.click("Robin")
    assert professional.sees("Call me Robin. Text before you phone, please.")
    assert professional.sees("Sitting near the door, and knowing what will happen next.")
    assert not professional.sees("What has happened to me")
    assert not professional.sees("Something I only want to tell once.")
    profile_path = professional.page.url.removeprefix(professional.base_url)
    professional.go(profile_path)

    # The person stops sharing; the professional's next request is refused
    person.go("/this-is-me/me/sharing/")
    person.press("Stop sharing with Dr Gina Practice")
    assert person.sees("You have stopped sharing with Dr Gina Practice.")
    professional.go(profile_path)
    assert professional.last_document.status == 404
    assert not professional.sees("Call me Robin")

    # The person sees both reads in their access log
    person.go("/this-is-me/me/")
    person.click("Who has looked at it")
    rows = person.page.locator("tbody tr")
    assert rows.count() == 2
    assert all("Dr Gina Practice" in text for text in rows.all_inner_texts())
