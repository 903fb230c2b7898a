"""`manage.py pathfinder backup` and `restore`, on the engine the suite runs on.

Each refusal is checked against the real database: nothing in it changed.
"""

import base64
import os
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from pathfinder.core import audit, backup
from pathfinder.core.models import AuditEvent
from pathfinder.surveys import services
from pathfinder.surveys.models import Response
from pathfinder.surveys.tests.conftest import emailed_codes, make_survey, tna_version  # noqa: F401 (fixtures)

SECRET = "I am thinking of leaving because of the rota"
pytestmark = pytest.mark.django_db(transaction=True)


def _key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


@pytest.fixture
def key(monkeypatch):
    value = _key()
    monkeypatch.setenv(backup.KEY_VARIABLE, value)
    return value


@pytest.fixture
def answered(make_survey):  # noqa: F811 (the fixture imported above)
    survey = make_survey()
    for code in emailed_codes(survey, 2):
        services.submit(
            survey, services.Submission(answers={"about.role": "practitioner", "needs.comments": SECRET}, code=code)
        )
    return survey


def _fingerprint() -> dict:
    """Rows and checksums of every table, as the backup module reads them."""
    if connection.vendor == "sqlite":
        return backup._sqlite_manifest_live().tables
    return backup._pg_manifest_of(connection.settings_dict["NAME"]).tables


def _refused(path, *, force=False) -> str:
    before = _fingerprint()
    with pytest.raises(CommandError) as refused:
        call_command("pathfinder", "restore", str(path), *(["--force"] if force else []))
    assert _fingerprint() == before, "a refused restore changed the database"
    return str(refused.value)


def test_it_backs_up_verifies_and_restores_exactly(answered, key, tmp_path):
    path = tmp_path / "night.pfbackup"
    call_command("pathfinder", "backup", "--output", str(path))
    taken = _fingerprint()
    call_command("pathfinder", "restore", str(path), "--verify")

    # Something happens after the backup; restoring puts the database back as it was.
    audit.record(AuditEvent.Kind.SIGN_OUT, note="after the backup")
    assert _fingerprint() != taken
    call_command("pathfinder", "restore", str(path), "--force")
    assert _fingerprint() == taken
    assert not AuditEvent.objects.filter(detail__note="after the backup").exists()
    assert Response.objects.count() == 2


def test_it_keeps_encrypted_answers_encrypted_inside_the_backup(answered, key, tmp_path):
    path = tmp_path / "night.pfbackup"
    call_command("pathfinder", "backup", "--output", str(path))
    ciphertexts = list(Response.objects.values_list("answers", flat=True))
    sealed = path.read_bytes()
    assert SECRET.encode() not in sealed and ciphertexts[0].encode() not in sealed  # the whole file is encrypted

    archive = backup.open_sealed(sealed, base64.urlsafe_b64decode(key))
    manifest, payload = backup.unpack(archive, tmp_path)
    if manifest.engine == "sqlite":
        contents = payload.read_bytes()
    else:
        contents = subprocess.run(
            ["pg_restore", "--data-only", "--file=-", str(payload)], capture_output=True, check=True
        ).stdout
    assert all(ciphertext.encode() in contents for ciphertext in ciphertexts)
    assert SECRET.encode() not in contents
    assert manifest.tables["surveys_response"]["rows"] == 2


def test_it_refuses_a_wrong_key(answered, key, tmp_path, monkeypatch):
    path = tmp_path / "night.pfbackup"
    call_command("pathfinder", "backup", "--output", str(path))
    monkeypatch.setenv(backup.KEY_VARIABLE, _key())
    assert "different PATHFINDER_BACKUP_KEY" in _refused(path, force=True)


@pytest.mark.parametrize("keep", [0.5, 0.999])
def test_it_refuses_a_truncated_file(answered, key, tmp_path, keep):
    path = tmp_path / "night.pfbackup"
    call_command("pathfinder", "backup", "--output", str(path))
    whole = path.read_bytes()
    path.write_bytes(whole[: int(len(whole) * keep)])
    assert "incomplete" in _refused(path, force=True)


def test_it_refuses_a_damaged_file(answered, key, tmp_path):
    path = tmp_path / "night.pfbackup"
    call_command("pathfinder", "backup", "--output", str(path))
    damaged = bytearray(path.read_bytes())
    damaged[-100] ^= 0x01
    path.write_bytes(bytes(damaged))
    assert "damaged" in _refused(path, force=True)


def test_it_refuses_a_backup_from_a_newer_schema(answered, key, tmp_path):
    path = tmp_path / "future.pfbackup"
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES ('surveys', '9999_from_the_future', %s)",
            ["2027-01-01 00:00:00"],
        )
    call_command("pathfinder", "backup", "--output", str(path))
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE name = '9999_from_the_future'")
    message = _refused(path, force=True)
    assert "newer version of Pathfinder" in message and "surveys.9999_from_the_future" in message
    with pytest.raises(CommandError, match="newer version"):
        call_command("pathfinder", "restore", str(path), "--verify")


def test_it_refuses_a_database_that_holds_data_without_force(answered, key, tmp_path):
    path = tmp_path / "night.pfbackup"
    call_command("pathfinder", "backup", "--output", str(path))
    audit.record(AuditEvent.Kind.SIGN_OUT, note="after the backup")
    assert "--force" in _refused(path)


def test_it_refuses_a_file_that_is_not_a_backup(key, world, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list")
    assert "not a Pathfinder backup" in _refused(path, force=True)


def test_it_needs_its_own_key(world, tmp_path, monkeypatch, settings):
    monkeypatch.delenv(backup.KEY_VARIABLE, raising=False)
    with pytest.raises(CommandError, match="Set PATHFINDER_BACKUP_KEY"):
        call_command("pathfinder", "backup", "--output", str(tmp_path / "b"))
    shared = _key()
    settings.FIELD_ENCRYPTION_KEYS = [shared]
    monkeypatch.setenv(backup.KEY_VARIABLE, shared)
    with pytest.raises(CommandError, match="must not be one of FIELD_ENCRYPTION_KEYS"):
        call_command("pathfinder", "backup", "--output", str(tmp_path / "b"))
    assert not (tmp_path / "b").exists()
