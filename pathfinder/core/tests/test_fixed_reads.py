"""Reads sent as statements written once (core/rows.py) must give exactly
what the ORM gives: the session (core/sessions.py) and a person's roles
(core/permissions.py). On both engines."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pathfinder.core.permissions import _active_roles, roles_of
from pathfinder.core.roles import Role
from pathfinder.core.sessions import SessionStore
from pathfinder.testing import factories

pytestmark = pytest.mark.django_db


def orm_roles(user):
    return dict(user.memberships.active().values_list("service_id", "role"))


def test_roles_are_those_the_orm_gives():
    person, other, gone = factories.UserFactory(), factories.UserFactory(), factories.UserFactory()
    first, second, third = (factories.ServiceFactory() for _ in range(3))
    factories.MembershipFactory(user=person, service=first, role=Role.PROGRAMME_LEAD)
    factories.MembershipFactory(user=person, service=second, role=Role.EVALUATOR, is_active=False)
    factories.MembershipFactory(user=person, service=third, role=Role.GROUP_MEMBER)
    factories.MembershipFactory(user=other, service=second, role=Role.GROUP_MEMBER)
    factories.MembershipFactory(user=gone, service=first, role=Role.GROUP_MEMBER)
    gone.is_active = False
    gone.save()
    assert _active_roles(person.pk) == orm_roles(person) == {first.pk: "programme_lead", third.pk: "group_member"}
    assert _active_roles(other.pk) == orm_roles(other) == {second.pk: "group_member"}
    assert _active_roles(gone.pk) == orm_roles(gone) == {}
    assert _active_roles(0) == {}


def test_roles_are_one_query_a_request():
    person = factories.UserFactory()
    factories.MembershipFactory(user=person, role=Role.PROGRAMME_LEAD)
    expected = orm_roles(person)
    with CaptureQueriesContext(connection) as queries:
        assert roles_of(person) == roles_of(person) == expected
    assert len(queries) == 1


def stored(data: dict) -> SessionStore:
    session = SessionStore()
    session.update(data)
    session.save()
    return session


def test_a_session_reads_as_the_orm_reads_it():
    key = stored({"one": 1, "words": "naïve <b>"}).session_key
    loaded = SessionStore(key)
    assert dict(loaded.items()) == {"one": 1, "words": "naïve <b>"}
    orm = Session.objects.get(session_key=key)
    assert loaded.loaded_expiry == orm.expire_date  # to the microsecond, with its time zone
    assert loaded.session_key == key


def test_an_expired_or_unknown_session_is_not_read():
    key = stored({"one": 1}).session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    expired = SessionStore(key)
    assert dict(expired.items()) == {}
    assert expired.session_key is None
    assert expired.loaded_expiry is None
    unknown = SessionStore("x" * 32)
    assert dict(unknown.items()) == {} and unknown.session_key is None
    assert dict(SessionStore(None).items()) == {}


def test_a_session_that_ends_in_a_moment_is_still_read():
    key = stored({"one": 1}).session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(seconds=30))
    assert SessionStore(key)["one"] == 1
