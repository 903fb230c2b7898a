"""On SQLite, refuse DELETE on audit events in the database too.

Migration 0002 refused UPDATE on both engines and DELETE on PostgreSQL only.
The trigger lets `flush` through (see pathfinder/core/audit_guard.py).
"""

from django.db import migrations

SQLITE_UP = """
CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent
WHEN NOT pathfinder_audit_erasable()
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS core_auditevent_no_delete;"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_UP)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_DOWN)


class Migration(migrations.Migration):
    dependencies = [("core", "0008_audit_kinds_security")]
    operations = [migrations.RunPython(forwards, backwards)]
