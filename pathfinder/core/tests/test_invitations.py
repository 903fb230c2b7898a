"""Accepting an invitation: new people create an account; existing ones sign in."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pathfinder.core import services
from pathfinder.core.models import AuditEvent, Invitation, Membership
from pathfinder.core.roles import Role
from pathfinder.testing.factories import UserFactory


@pytest.fixture
def invited(world):
    invitation, token = services.invite(
        service=world.service, email="jo@example.org", role=Role.LIVED_EXPERIENCE, by=world.lead
    )
    return invitation, f"/invitations/{token}/"


def test_a_new_person_creates_an_account_and_joins(invited, as_user):
    invitation, path = invited
    client = as_user(None)
    assert client.get(path).status_code == 200
    response = client.post(
        path, {"full_name": "Jo Adviser", "password1": "sea glass and heather", "password2": "sea glass and heather"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="jo@example.org")
    assert membership.role == Role.LIVED_EXPERIENCE and membership.service == invitation.service
    assert AuditEvent.objects.filter(kind="membership.created", target_id=str(membership.pk)).exists()
    # The link cannot be used twice.
    assert as_user(None).get(path).status_code == 404


def test_it_refuses_weak_or_mismatched_passwords_and_keeps_the_name(invited, as_user):
    _, path = invited
    response = as_user(None).post(path, {"full_name": "Jo Adviser", "password1": "short", "password2": "short"})
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.css("#id_full_name")[0].get("value") == "Jo Adviser"
    assert "at least 12 characters" in response.page.text()
    response = as_user(None).post(
        path, {"full_name": "Jo", "password1": "sea glass and heather", "password2": "sea glass and thistle"}
    )
    assert "The two passwords are different" in response.page.text()
    assert not Membership.objects.filter(user__email="jo@example.org").exists()


def test_someone_with_an_account_signs_in_first_then_accepts(world, as_user):
    existing = UserFactory(email="sam@example.org", full_name="Sam Existing")
    _, token = services.invite(service=world.service, email="sam@example.org", role=Role.STAFF, by=world.lead)
    path = f"/invitations/{token}/"
    assert "Sign in to accept" in as_user(None).get(path).page.text()
    client = as_user(existing)
    assert "Accept and join" in client.get(path).page.text()
    assert client.post(path).status_code == 302
    assert Membership.objects.filter(user=existing, service=world.service, role=Role.STAFF).exists()


def test_it_does_not_let_another_account_take_the_invitation(invited, world, as_user):
    _, path = invited
    response = as_user(world.member).get(path)
    assert "for a different email address" in response.page.text()
    assert as_user(world.member).post(path, {"full_name": "x"}).status_code == 200
    assert not Membership.objects.filter(user__email="jo@example.org").exists()


@pytest.mark.parametrize("state", ["expired", "withdrawn", "unknown"])
def test_a_dead_link_says_so_calmly(invited, world, as_user, state):
    invitation, path = invited
    if state == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    elif state == "withdrawn":
        services.withdraw_invitation(invitation, by=world.lead)
    else:
        path = "/invitations/made-up-token/"
    response = as_user(None).get(path)
    assert response.status_code == 404
    assert "This invitation link does not work" in response.page.text()


def test_only_a_hash_of_the_token_is_stored(invited):
    invitation, path = invited
    token = path.split("/")[2]
    assert token not in invitation.token_hash
    assert invitation.token_hash == services.hash_token(token)
