"""Audit events can be added but never changed or removed."""

import pytest
from django.db import DatabaseError, connection, transaction

from pathfinder.core import audit
from pathfinder.core.models import AuditEvent


@pytest.fixture
def event(world):
    return audit.record(audit.Kind.EXPORT, actor=world.lead, service=world.service, what="test")


def test_it_refuses_changes_through_the_model(event):
    event.kind = audit.Kind.SIGN_IN
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).update(kind="x")
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_the_database_refuses_a_raw_update(event):
    table = AuditEvent._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET kind = 'rewritten' WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.kind == audit.Kind.EXPORT


def test_the_database_refuses_a_raw_delete(event):
    table = AuditEvent._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_it_records_who_what_and_where_without_free_text(event, world):
    assert event.actor == world.lead
    assert event.service == world.service
    assert event.detail == {"what": "test"}
