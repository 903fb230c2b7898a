"""A small nation: two health boards, an ADP, five services, staff and ratings."""

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from pathfinder.core.models import Organisation
from pathfinder.core.roles import Role
from pathfinder.evidence import services as evidence
from pathfinder.national.models import Oversight, ServiceProfile
from pathfinder.planning.services.actions import create_action
from pathfinder.programmes import services as programme_services
from pathfinder.testing import factories
from pathfinder.workforce.models import StaffMember


def add_service(name, board, *, adp=None, named=False, area="", staff=12, rating="amber", done=1):
    service = factories.ServiceFactory(name=name, organisation=board, partnership=adp)
    lead = factories.MembershipFactory(service=service, role=Role.PROGRAMME_LEAD)
    programme = programme_services.start_programme(
        service=service, name=f"{name} programme", started_on="2026-09-01", by=lead.user
    )
    ServiceProfile.objects.create(service=service, named_nationally=named, area_kind=area)
    StaffMember.objects.bulk_create(
        [StaffMember(service=service, name=f"Person {n}", job_role="practitioner") for n in range(staff)]
    )
    evidence.rate(
        programme=programme,
        standard=6,
        by=lead.user,
        rated_on=timezone.localdate() - timedelta(days=3),
        rating=rating,
        reason="Agreed at the group.",
        process_evidence="A pathway is in place.",
    )
    for n in range(2):
        action = create_action(
            programme=programme,
            by=lead.user,
            title=f"Action {n}",
            theme="wellbeing",
            owner=lead,
            starts_on=date(2026, 10, 1),
            due_on=date(2027, 3, 31),
            direct_cost=Decimal("0"),
            staff_hours=Decimal("0"),
        )
        if n < done:
            type(action).objects.filter(pk=action.pk).update(status="done")
    return SimpleNamespace(service=service, lead=lead, programme=programme)


@pytest.fixture
def nation(world):
    north = factories.OrganisationFactory(name="North Health Board", slug="north")
    south = factories.OrganisationFactory(name="South Health Board", slug="south")
    adp = factories.OrganisationFactory(name="North ADP", slug="north-adp", kind=Organisation.Kind.ADP)
    services = SimpleNamespace(
        named=add_service("Harbour Recovery", north, adp=adp, named=True, area="island", rating="green", done=2),
        a=add_service("Hill Service", north, adp=adp, area="rural"),
        b=add_service("River Service", north, adp=adp, area="rural"),
        c=add_service("Town Service", north, area="urban"),
        lone=add_service("Glen Service", south, area="island", rating="red", done=0),
    )
    national = factories.UserFactory(full_name="Nina National", email="nina@example.org")
    Oversight.objects.create(user=national, scope=Oversight.Scope.NATIONAL)
    board_viewer = factories.UserFactory(full_name="Bea Board", email="bea@example.org")
    Oversight.objects.create(user=board_viewer, scope=Oversight.Scope.BOARD, organisation=south)
    return SimpleNamespace(
        world=world, north=north, south=south, adp=adp, national=national, board_viewer=board_viewer, **vars(services)
    )
