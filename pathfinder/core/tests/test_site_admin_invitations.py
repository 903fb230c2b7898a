"""The site administrator's service page lists invitations waiting for a
reply, and can send one again (a new link; the old one stops working) or
withdraw it (the link stops working). Both are in the audit log."""

import re

import pytest

from pathfinder.core import services
from pathfinder.core.models import AuditEvent, Invitation
from pathfinder.core.roles import Role


@pytest.fixture
def pending(world):
    invitation, token = services.invite(
        service=world.service, email="lead@example.org", role=Role.PROGRAMME_LEAD, by=world.admin
    )
    return invitation, f"/invitations/{token}/"


def _page(world):
    return f"/site-admin/services/{world.service.pk}/"


def test_it_lists_pending_invitations(world, as_user, pending):
    text = as_user(world.admin).get(_page(world)).page.text()
    assert "lead@example.org" in text
    assert "Send again" in text and "Withdraw" in text


def test_it_sends_an_invitation_again_with_a_new_link(world, as_user, pending, mailoutbox):
    invitation, old_path = pending
    mailoutbox.clear()
    response = as_user(world.admin).post(f"{_page(world)}invitations/{invitation.pk}/resend/")
    assert response.status_code == 302 and response["Location"] == _page(world)
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["lead@example.org"]
    new_path = re.search(r"https?://[^/\s]+(/invitations/\S+/)", mailoutbox[0].body).group(1)
    assert new_path != old_path
    assert as_user(None).get(old_path).status_code == 404
    assert as_user(None).get(new_path).status_code == 200
    event = AuditEvent.objects.filter(kind="invitation.sent", target_id=str(invitation.pk)).first()
    assert event.actor == world.admin and event.detail.get("resent") is True


def test_it_withdraws_an_invitation(world, as_user, pending):
    invitation, path = pending
    client = as_user(world.admin)
    response = client.post(f"{_page(world)}invitations/{invitation.pk}/withdraw/")
    assert response.status_code == 302
    assert "Invitations waiting for a reply" not in client.get(_page(world)).page.text()
    assert AuditEvent.objects.filter(kind="invitation.withdrawn", actor=world.admin).exists()
    assert as_user(None).get(path).status_code == 404


def test_a_withdrawn_invitation_cannot_be_sent_again(world, as_user, pending, mailoutbox):
    invitation, _ = pending
    services.withdraw_invitation(invitation, by=world.admin)
    mailoutbox.clear()
    response = as_user(world.admin).post(f"{_page(world)}invitations/{invitation.pk}/resend/")
    assert response.status_code == 404
    assert mailoutbox == []


def test_it_only_acts_on_the_service_in_the_address(world, as_user):
    other, _ = services.invite(service=world.other_service, email="x@example.org", role=Role.STAFF, by=world.admin)
    response = as_user(world.admin).post(f"{_page(world)}invitations/{other.pk}/withdraw/")
    assert response.status_code == 404
    assert Invitation.objects.get(pk=other.pk).withdrawn_at is None


def test_only_site_administrators_may(world, as_user, pending):
    invitation, _ = pending
    for person in (world.lead, world.viewer, world.outsider):
        assert as_user(person).post(f"{_page(world)}invitations/{invitation.pk}/resend/").status_code == 403
        assert as_user(person).post(f"{_page(world)}invitations/{invitation.pk}/withdraw/").status_code == 403
