"""What a page reads once for all its parts (scoping.shared_lookups and once),
and what get_for learns on the way (the user's role in the object's service and
their number of services): never kept past the block or the request, never
another user's, and never a wrong answer for another service."""

from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pathfinder.core.permissions import can, forget_roles, service_count
from pathfinder.core.roles import Perm, Role
from pathfinder.core.scoping import get_for, once, shared_lookups
from pathfinder.programmes.models import Programme
from pathfinder.testing import factories


def _counter():
    """A lookup that answers how many times it has been asked."""
    calls = []

    def make():
        calls.append(1)
        return len(calls)

    return make


def test_outside_a_block_nothing_is_kept():
    make = _counter()
    assert [once(("k",), make), once(("k",), make)] == [1, 2]


def test_inside_a_block_a_key_is_read_once_and_forgotten_after():
    make = _counter()
    with shared_lookups():
        assert [once(("k", 1), make), once(("k", 1), make), once(("k", 2), make)] == [1, 1, 2]
    assert once(("k", 1), make) == 3
    with shared_lookups():
        assert once(("k", 1), make) == 4


def test_a_block_inside_another_starts_empty_and_gives_the_outer_one_back():
    make = _counter()
    with shared_lookups():
        assert once(("k",), make) == 1
        with shared_lookups():
            assert once(("k",), make) == 2
        assert once(("k",), make) == 1


def test_get_for_answers_the_permission_and_the_service_count_without_asking_again(world):
    second = factories.ServiceFactory(name="Second service", slug="second")
    factories.MembershipFactory(user=world.lead, service=second, role=Role.STAFF)
    request = SimpleNamespace(user=world.lead)
    with CaptureQueriesContext(connection) as captured:
        programme = get_for(request, Programme, Perm.MANAGE_PROGRAMME, pk=world.programme.pk)
        assert can(world.lead, Perm.MANAGE_PROGRAMME, programme)
        assert service_count(world.lead) == 2
    assert len(captured) == 1
    # Another service is answered from the user's own memberships, not from what was learned.
    assert can(world.lead, Perm.VIEW_PROGRAMME, second)
    assert not can(world.lead, Perm.MANAGE_PROGRAMME, second)
    assert not can(world.lead, Perm.VIEW_PROGRAMME, world.other_service)


def test_what_get_for_learned_is_forgotten_with_the_roles(world):
    request = SimpleNamespace(user=world.lead)
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=world.programme.pk)
    world.memberships.lead.role = Role.STAFF
    world.memberships.lead.save()
    forget_roles(world.lead)
    assert not can(world.lead, Perm.MANAGE_PROGRAMME, programme)
    assert service_count(world.lead) == 1


def test_each_person_gets_their_own_role_on_the_same_page(world, as_user):
    url = reverse("programme_dashboard", args=[world.programme.pk])
    lead_page = as_user(world.lead).get(url).content.decode()
    viewer_page = as_user(world.viewer).get(url).content.decode()
    manage = reverse("programme_phase_edit", args=[world.programme.pk, "familiarise"])
    assert manage in lead_page
    assert manage not in viewer_page
