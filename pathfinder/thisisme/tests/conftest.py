from types import SimpleNamespace

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from pathfinder.core.roles import Role
from pathfinder.testing import factories
from pathfinder.thisisme import grants, people


def with_two_step(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def tim(world):
    """'This is me' personas on top of the shared world:
    - person: holds a profile at the home service (key worker: the member)
    - gp: a partner professional (GP practice) in the home service, with two-step
    - nogrant: a staff member of the home service with two-step but no grant
    """
    gp = factories.UserFactory(full_name="Gina Practice", email="gp@example.org")
    factories.MembershipFactory(user=gp, service=world.service, role=Role.PARTNER)
    nogrant = factories.UserFactory(full_name="Nora Nogrant", email="nora@example.org")
    factories.MembershipFactory(user=nogrant, service=world.service, role=Role.STAFF)
    with_two_step(gp)
    with_two_step(nogrant)
    profile, _ = people.create_person(service=world.service, name="Robin", key_worker=world.member, by=world.member)
    people.complete_setup(profile, username="robin", passphrase="kettle harbour green morning")
    return SimpleNamespace(world=world, person=profile.person, profile=profile, gp=gp, nogrant=nogrant)


@pytest.fixture
def shared(tim):
    """Two parts written and shared with the GP for 30 days."""
    from django.utils import timezone

    people.save_section(tim.profile, "how_to_speak", "Call me Robin. Text first, please.", 1)
    people.save_section(tim.profile, "what_helps", "Sitting near the door helps me.", 1)
    people.save_section(tim.profile, "what_happened", "Something private and painful.", 1)
    tim.grant = grants.grant(
        tim.profile,
        grantee="partner",
        sections=["how_to_speak", "what_helps"],
        purpose="care",
        ends_on=timezone.localdate() + timezone.timedelta(days=30),
        user_id=tim.gp.pk,
    )
    return tim
