"""The database refuses to delete audit events, yet `flush` (an owner's reset
of the whole database, as tests use) still empties the table."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from pathfinder.core import audit
from pathfinder.core.models import AuditEvent


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_the_audit_table():
    audit.record(audit.Kind.SIGN_IN)

    call_command("flush", interactive=False, verbosity=0)

    assert not AuditEvent.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_raw_delete_outside_flush_is_refused():
    event = audit.record(audit.Kind.SIGN_IN)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table}")
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    call_command("flush", interactive=False, verbosity=0)
