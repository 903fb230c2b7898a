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


def test_after_get_for_in_a_block_scoped_reads_only_the_services_reached_without_the_membership_join(world):
    from django.core.exceptions import PermissionDenied

    from pathfinder.core.scoping import scoped
    from pathfinder.programmes.models import Finding

    # The lead also works (as staff) in the other service, and has left a third.
    factories.MembershipFactory(user=world.lead, service=world.other_service, role=Role.STAFF)
    left = factories.ServiceFactory(name="Left service", slug="left")
    factories.MembershipFactory(user=world.lead, service=left, role=Role.PROGRAMME_LEAD, is_active=False)
    from pathfinder.programmes import services as programme_services

    left_programme = programme_services.start_programme(
        service=left, name="Left", started_on="2026-09-01", by=world.lead
    )
    for programme in (world.programme, world.other_programme, left_programme):
        factories.FindingFactory(programme=programme, text=f"In {programme.name}")
    request = SimpleNamespace(user=world.lead)
    everywhere = set(scoped(Finding, world.lead).values_list("programme__name", flat=True))
    assert everywhere == {"Home programme", "Other programme"}  # not the service they left
    with shared_lookups():
        assert set(scoped(Finding, world.lead).values_list("programme__name", flat=True)) == everywhere
        get_for(request, Programme, Perm.MANAGE_PROGRAMME, pk=world.programme.pk)
        with CaptureQueriesContext(connection) as captured:
            inside = set(scoped(Finding, world.lead).values_list("programme__name", flat=True))
        assert inside == {"Home programme"}  # never more than the join; here, the service reached
        assert "core_membership" not in captured.captured_queries[0]["sql"]
        # Another user in the same block still goes through their own memberships.
        assert not scoped(Finding, world.outsider).filter(programme=world.programme).exists()
        assert scoped(Finding, world.outsider).filter(programme=world.other_programme).exists()
        # get_for still checks the role through the membership row: staff may not manage the other programme,
        # the left service's programme is not there at all.
        try:
            get_for(request, Programme, Perm.MANAGE_PROGRAMME, pk=world.other_programme.pk)
        except PermissionDenied:
            pass
        else:
            raise AssertionError("a staff member could manage the other programme")
        from django.http import Http404

        try:
            get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=left_programme.pk)
        except Http404:
            pass
        else:
            raise AssertionError("a service they left was reached")
        # Reaching the other service (as staff, to view) adds it.
        get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=world.other_programme.pk)
        assert set(scoped(Finding, world.lead).values_list("programme__name", flat=True)) == everywhere
    # After the block, the join again.
    with CaptureQueriesContext(connection) as captured:
        list(scoped(Finding, world.lead))
    assert "core_membership" in captured.captured_queries[0]["sql"]
