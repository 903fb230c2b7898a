"""The access log people read is append-only in the database itself, like the
audit log (core migrations 0002 and 0009): no UPDATE on either engine; no
DELETE except during `flush` (see pathfinder/core/audit_guard.py)."""

from django.db import migrations

PG_UP = """
CREATE OR REPLACE FUNCTION thisisme_accessevent_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER thisisme_accessevent_no_update BEFORE UPDATE ON thisisme_accessevent
  FOR EACH ROW EXECUTE FUNCTION thisisme_accessevent_refuse_change();
CREATE TRIGGER thisisme_accessevent_no_delete BEFORE DELETE ON thisisme_accessevent
  FOR EACH ROW EXECUTE FUNCTION thisisme_accessevent_refuse_change();
"""
PG_DOWN = """
DROP TRIGGER IF EXISTS thisisme_accessevent_no_update ON thisisme_accessevent;
DROP TRIGGER IF EXISTS thisisme_accessevent_no_delete ON thisisme_accessevent;
DROP FUNCTION IF EXISTS thisisme_accessevent_refuse_change();
"""
SQLITE_UP = [
    """
CREATE TRIGGER thisisme_accessevent_no_update BEFORE UPDATE ON thisisme_accessevent
BEGIN
  SELECT RAISE(ABORT, 'the access log is append-only');
END;
""",
    """
CREATE TRIGGER thisisme_accessevent_no_delete BEFORE DELETE ON thisisme_accessevent
WHEN NOT pathfinder_audit_erasable()
BEGIN
  SELECT RAISE(ABORT, 'the access log is append-only');
END;
""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS thisisme_accessevent_no_update;",
    "DROP TRIGGER IF EXISTS thisisme_accessevent_no_delete;",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_UP)
    elif vendor == "sqlite":
        for statement in SQLITE_UP:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_DOWN)
    elif vendor == "sqlite":
        for statement in SQLITE_DOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("thisisme", "0001_initial"), ("core", "0009_audit_no_delete_sqlite")]
    operations = [migrations.RunPython(forwards, backwards)]
