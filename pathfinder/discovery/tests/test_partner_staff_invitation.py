from django.urls import reverse

from pathfinder.core.models import Invitation
from pathfinder.discovery.tests.factories_partners import PartnerFactory


def test_it_links_to_the_invitation_form_with_the_partner_role_chosen(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    client = as_user(world.lead)
    page = client.get(reverse("partner_detail", args=[partner.pk])).content.decode()
    link = reverse("people", args=[world.service.slug]) + "?role=partner#invite"
    assert link in page
    people = client.get(reverse("people", args=[world.service.slug]) + "?role=partner").content.decode()
    assert 'value="partner" checked' in people


def test_it_invites_through_the_existing_invitation_flow(world, as_user, mailoutbox):
    client = as_user(world.lead)
    client.post(
        reverse("people", args=[world.service.slug]) + "?role=partner", {"email": "gp@example.org", "role": "partner"}
    )
    invitation = Invitation.objects.get(email="gp@example.org")
    assert invitation.role == "partner" and len(mailoutbox) == 1


def test_it_ignores_a_role_that_does_not_exist(world, as_user):
    people = as_user(world.lead).get(reverse("people", args=[world.service.slug]) + "?role=owner").content.decode()
    assert "checked" not in people


def test_it_offers_no_invitation_link_to_someone_who_cannot_invite(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    page = as_user(world.member).get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert "?role=partner" not in page
