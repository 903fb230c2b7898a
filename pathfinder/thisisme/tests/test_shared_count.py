"""The dashboard's count of profiles shared with someone (reading.shared_count)
is the number of profiles reading.shared_with lists, in one query."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.core.roles import Role
from pathfinder.thisisme import emergency, grants, people, reading


def _both(user) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        count = reading.shared_count(user)
    assert len(captured) == 1
    return count, len(reading.shared_with(user))


def test_it_counts_each_profile_once_whether_granted_or_opened_in_an_emergency(shared, world):
    assert _both(shared.gp) == (1, 1)
    assert _both(shared.nogrant) == (0, 0)
    row = emergency.settings_for(world.service)
    row.emergency_access, row.emergency_roles, row.caldicott_lead = True, [Role.STAFF, Role.PARTNER], world.lead
    row.save()
    emergency.start(shared.profile, user=shared.nogrant, reason="Robin collapsed in reception.", hours=4)
    assert _both(shared.nogrant) == (1, 1)
    # Granted and opened in an emergency: still one profile.
    emergency.start(shared.profile, user=shared.gp, reason="Robin collapsed in reception.", hours=4)
    assert _both(shared.gp) == (1, 1)


def test_it_follows_a_second_grant_and_a_withdrawal(shared, world):
    from django.utils import timezone

    other, _ = people.create_person(service=world.service, name="Sky", key_worker=world.member, by=world.member)
    grants.grant(
        other,
        grantee="partner",
        sections=["how_to_speak"],
        purpose="care",
        ends_on=timezone.localdate() + timezone.timedelta(days=7),
        user_id=shared.gp.pk,
    )
    assert _both(shared.gp) == (2, 2)
    grants.withdraw(shared.profile, shared.grant.ref)
    assert _both(shared.gp) == (1, 1)
