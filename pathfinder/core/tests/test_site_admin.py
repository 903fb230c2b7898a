"""Site administrators add organisations and services and manage accounts."""

from pathfinder.core.models import AuditEvent, Organisation, Service


def test_it_adds_an_organisation(world, as_user):
    response = as_user(world.admin).post(
        "/site-admin/organisations/new/", {"name": "Glenbrae ADP", "kind": Organisation.Kind.ADP}
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Glenbrae ADP")
    assert organisation.slug == "glenbrae-adp"
    assert AuditEvent.objects.filter(kind="organisation.created", actor=world.admin).exists()


def test_it_explains_what_is_missing(world, as_user):
    response = as_user(world.admin).post("/site-admin/organisations/new/", {"name": "Half typed"})
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.css("#id_name")[0].get("value") == "Half typed"


def test_it_adds_a_service_and_invites_its_lead(world, as_user):
    client = as_user(world.admin)
    response = client.post(
        "/site-admin/services/new/",
        {"organisation": world.service.organisation.pk, "name": "New Hub", "description": ""},
    )
    service = Service.objects.get(name="New Hub")
    assert response["Location"] == f"/site-admin/services/{service.pk}/"
    response = client.post(
        f"/site-admin/services/{service.pk}/", {"email": "hub@example.org", "role": "programme_lead"}
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(kind="invitation.sent", service=service).exists()


def test_a_site_admin_does_not_see_programmes_without_a_membership(world, as_user):
    assert as_user(world.admin).get(f"/programmes/{world.programme.pk}/").status_code == 404


def test_disabling_an_account_signs_the_person_out(world, as_user, client):
    member_client = as_user(world.member)
    assert member_client.get(f"/programmes/{world.programme.pk}/").status_code == 200
    session_key = member_client.session.session_key
    from django.test import Client

    admin_client = Client()
    admin_client.force_login(world.admin, backend="allauth.account.auth_backends.AuthenticationBackend")
    admin_client.post(f"/site-admin/people/{world.member.pk}/disable/")
    world.member.refresh_from_db()
    assert not world.member.is_active
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()
    assert AuditEvent.objects.filter(kind="auth.user_disabled", actor=world.admin).exists()
