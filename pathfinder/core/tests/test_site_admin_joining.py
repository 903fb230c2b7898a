"""A site administrator who joins a service is recorded, and the service's
lead can see it: on the people page and in the activity log."""

from pathfinder.core import services
from pathfinder.core.models import AuditEvent
from pathfinder.core.roles import Role


def test_it_records_a_site_administrator_joining_by_invitation(world, as_user):
    invitation, _ = services.invite(service=world.service, email=world.admin.email, role=Role.EVALUATOR, by=world.lead)

    services.accept_invitation(invitation, user=world.admin)

    [event] = AuditEvent.objects.filter(kind="membership.site_admin_joined")
    assert event.actor == world.admin
    assert event.service == world.service


def test_it_records_a_site_administrator_added_directly(world):
    services.add_member(service=world.service, user=world.admin, role=Role.EVALUATOR, by=world.admin)

    assert AuditEvent.objects.filter(kind="membership.site_admin_joined", service=world.service).count() == 1


def test_it_does_not_for_other_people(world):
    services.add_member(service=world.service, user=world.outsider, role=Role.STAFF, by=world.lead)

    assert not AuditEvent.objects.filter(kind="membership.site_admin_joined").exists()


def test_the_lead_sees_it(world, as_user):
    services.add_member(service=world.service, user=world.admin, role=Role.EVALUATOR, by=world.admin)
    client = as_user(world.lead)

    people = client.get(f"/services/{world.service.slug}/people/").page
    activity = client.get(f"/services/{world.service.slug}/activity/").page

    assert "Sid Admin (site administrator)" in " ".join(people.text().split())
    assert "A site administrator joined the service" in activity.text()
