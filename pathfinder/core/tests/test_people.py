"""A programme lead manages who belongs to the service and in which role."""

from django.core import mail

from pathfinder.core.models import AuditEvent, Invitation, Membership
from pathfinder.core.roles import Role


def test_it_lists_the_people_in_the_service_only(world, as_user):
    page = as_user(world.lead).get(f"/services/{world.service.slug}/people/").page
    text = page.text()
    assert "Bob Member" in text and "Vera Viewer" in text
    assert "Charlie Outsider" not in text


def test_it_sends_an_invitation_and_records_it(world, as_user):
    response = as_user(world.lead).post(
        f"/services/{world.service.slug}/people/", {"email": "New.Person@Example.org", "role": Role.STAFF}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new.person@example.org")
    assert invitation.role == Role.STAFF and invitation.is_open
    assert len(mail.outbox) == 1
    assert "/invitations/" in mail.outbox[0].body
    assert invitation.token_hash not in mail.outbox[0].body  # only the hash is stored, never sent
    assert AuditEvent.objects.filter(kind="invitation.sent", service=world.service, actor=world.lead).exists()


def test_it_keeps_what_was_typed_when_the_invitation_form_is_wrong(world, as_user):
    response = as_user(world.lead).post(f"/services/{world.service.slug}/people/", {"email": "not-an-address"})
    assert response.status_code == 200
    page = response.page
    assert page.title.startswith("Error: ")
    assert page.css("#id_email")[0].get("value") == "not-an-address"
    assert len(page.error_summary()) == 2  # e-mail and role
    assert not mail.outbox


def test_it_changes_a_role_and_records_it(world, as_user):
    membership = world.memberships.member
    response = as_user(world.lead).post(
        f"/services/{world.service.slug}/people/{membership.pk}/", {"role": Role.SENIOR_MANAGER, "version": 1}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.SENIOR_MANAGER and membership.version == 2
    event = AuditEvent.objects.get(kind="membership.role_changed")
    assert event.detail == {"role": Role.SENIOR_MANAGER, "previous": Role.GROUP_MEMBER}


def test_it_refuses_a_stale_role_change_and_says_what_changed(world, as_user):
    membership = world.memberships.member
    client = as_user(world.lead)
    client.post(f"/services/{world.service.slug}/people/{membership.pk}/", {"role": Role.STAFF, "version": 1})
    # A second edit, made from the same old page (version 1), must not overwrite the first.
    response = client.post(
        f"/services/{world.service.slug}/people/{membership.pk}/", {"role": Role.EVALUATOR, "version": 1}
    )
    assert response.status_code == 200
    assert "Someone else changed this" in response.page.text()
    assert "Staff member" in response.page.text()
    membership.refresh_from_db()
    assert membership.role == Role.STAFF
    # What the person chose is still selected, with the newest version, ready to save again.
    assert response.page.css("input[name=role][value=evaluator]")[0].get("checked") is not None
    assert response.page.css("input[name=version]")[0].get("value") == "2"


def test_it_never_leaves_a_service_without_a_lead(world, as_user):
    lead_membership = world.memberships.lead
    response = as_user(world.lead).post(
        f"/services/{world.service.slug}/people/{lead_membership.pk}/", {"role": Role.STAFF, "version": 1}
    )
    assert response.status_code == 200
    assert "at least one programme lead" in response.page.text()
    lead_membership.refresh_from_db()
    assert lead_membership.role == Role.PROGRAMME_LEAD


def test_ending_access_keeps_the_person_but_removes_the_service(world, as_user):
    membership = world.memberships.member
    as_user(world.lead).post(
        f"/services/{world.service.slug}/people/{membership.pk}/", {"role": "group_member", "version": 1, "end": "1"}
    )
    membership.refresh_from_db()
    assert not membership.is_active and membership.ended_at
    response = as_user(world.member).get(f"/programmes/{world.programme.pk}/")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(kind="membership.ended", actor=world.lead).exists()


def test_it_withdraws_an_invitation(world, as_user):
    client = as_user(world.lead)
    client.post(f"/services/{world.service.slug}/people/", {"email": "x@example.org", "role": Role.STAFF})
    invitation = Invitation.objects.get()
    client.post(f"/services/{world.service.slug}/invitations/{invitation.pk}/withdraw/")
    invitation.refresh_from_db()
    assert not invitation.is_open
    assert not Membership.objects.filter(user__email="x@example.org").exists()


def test_someone_in_two_services_can_switch_between_them(world, as_user):
    from pathfinder.testing.factories import MembershipFactory

    MembershipFactory(user=world.member, service=world.other_service, role=Role.STAFF)
    client = as_user(world.member)
    page = client.get(f"/programmes/{world.programme.pk}/").page
    assert page.css("a[href='/?all=1']")[0].text == "Switch service"
    listing = client.get("/").page.text()
    assert "Home Drug and Alcohol Service" in listing and "Other Recovery Service" in listing
    assert client.get(f"/programmes/{world.other_programme.pk}/").status_code == 200


def test_a_large_service_is_listed_fifty_at_a_time(world, as_user):
    from pathfinder.testing.factories import MembershipFactory

    for _ in range(52):
        MembershipFactory(service=world.service, role=Role.STAFF)
    client = as_user(world.lead)
    first = client.get(f"/services/{world.service.slug}/people/").page
    assert len(first.css("tbody tr")) == 50
    assert "55 people have access (page 1 of 2)" in first.text()
    second = client.get(f"/services/{world.service.slug}/people/?page=2").page
    assert len(second.css("tbody tr")) == 5
