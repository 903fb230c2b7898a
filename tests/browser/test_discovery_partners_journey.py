"""The partners register: a lead registers a GP practice, records it as
invited to the training needs analysis in one click, and invites one of its
staff to the programme as a partner."""

from django.core import mail

from pathfinder.core.models import Invitation
from pathfinder.discovery.tests.factories_partners import tna_survey
from pathfinder.testing.factories import TEST_PASSWORD


def test_a_partner_is_registered_invited_to_the_tna_and_its_staff_invited(journey, world):
    tna_survey(world.programme, world.lead, title="Training needs 2027")

    # The lead finds the partners register from the dashboard
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.go(f"/programmes/{world.programme.pk}/")
    assert journey.sees("Partners engaged")
    journey.click("Go to partners")
    journey.click("Add a partner")

    # A first try without a name is refused, and what was typed stays
    journey.choose("GP practice")
    journey.fill("Contact's role or title (optional)", "Practice manager")
    journey.press("Save")
    assert "Enter the name of the organisation or team." in journey.errors()
    journey.fill("Name of the organisation or team", "Riverside Medical Practice")
    journey.fill("Work e-mail address (optional)", "practice@example.org")
    journey.choose("Shared care")
    journey.choose("Referrals")
    journey.press("Save")
    assert journey.heading().endswith("Riverside Medical Practice")
    assert journey.sees("Shared care, Referrals")

    # One click records the invitation to the training needs analysis
    journey.press("Invited to Training needs 2027")
    assert journey.sees("Recorded: Riverside Medical Practice invited to Training needs 2027.")
    assert journey.sees("Training needs 2027: already recorded")
    journey.press("Mark as taken part in Training needs 2027")
    assert journey.sees("took part in Training needs 2027")

    # One of the practice's staff is invited through the usual invitation form, as a partner
    journey.click("Invite someone from Riverside Medical Practice")
    assert journey.page.get_by_label("Partner", exact=True).is_checked()
    journey.fill("Email address", "gp@example.org")
    journey.press("Send invitation")
    assert journey.sees("Invitation sent to gp@example.org.")
    assert Invitation.objects.get(email="gp@example.org").role == "partner"
    assert mail.outbox[-1].to == ["gp@example.org"]

    # The dashboard counts the partner as engaged
    journey.go(f"/programmes/{world.programme.pk}/")
    assert journey.sees("1 partner in the register")
    assert journey.sees("1 took part")
