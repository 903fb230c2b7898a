"""After a language audit, the uploaded text is nowhere: not in any table of
the database (whichever engine runs the tests), not in the tasks' tables, not
in media storage or temporary files, not in the logs. The search is shown to
work by finding a control word put in the database on purpose."""

import logging
import os
import tempfile
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from pathfinder.evidence.models import LanguageAudit, PendingUpload
from pathfinder.evidence.tests.language_corpus import MARKERS, care_plans, unreadable, upload
from pathfinder.programmes.services import add_finding

CONTROL = "Controlwordasabi"
# Phrases of the corpus other than the markers: whole sentences must not be kept either.
PHRASES = ("Two junkies were mentioned", "Her choices were respected", "This plan mentions no one")
SEARCHED = (*MARKERS, *PHRASES)


def _as_text(value) -> str:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", "ignore")
    return "" if value is None else str(value)


def database_hits(words) -> dict[str, list[str]]:
    """Every table, every row: which of `words` appear where."""
    hits: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                blob = " ".join(_as_text(value) for value in row).lower()
                for word in words:
                    if word.lower() in blob:
                        hits.setdefault(word, []).append(table)
    return hits


def file_hits(root: Path, words, since: float = 0) -> list[str]:
    found = []
    for path in root.rglob("*") if root.exists() else []:
        try:
            if not path.is_file() or path.stat().st_mtime < since or path.stat().st_size > 50_000_000:
                continue
            data = path.read_bytes().decode("utf-8", "ignore").lower()
        except OSError:
            continue
        found += [f"{path}: {word}" for word in words if word.lower() in data]
    return found


# The worker closes its database connection when done, which on PostgreSQL
# would end a test wrapped in one transaction: this test commits for real.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend", ["immediate", "database"])
def test_the_uploaded_text_is_kept_nowhere(world, as_user, settings, tmp_path, caplog, capsys, backend):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    os.makedirs(settings.MEDIA_ROOT)
    if backend == "database":
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    caplog.set_level(logging.DEBUG)
    started = time.time() - 1
    add_finding(programme=world.programme, theme="data", kind="idea", text=f"A {CONTROL} note", by=world.lead)

    client = as_user(world.lead)
    upload(client, world.programme, care_plans() + unreadable())
    if backend == "database":
        assert PendingUpload.objects.count() == 6  # three plans, the file whose type lies and the two PDFs
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    audit = LanguageAudit.objects.get()
    assert audit.status == LanguageAudit.Status.DONE and audit.words == 110
    client.get(f"/language-audits/{audit.pk}/")
    client.get(f"/programmes/{world.programme.pk}/language-audits/")

    hits = database_hits((CONTROL, *SEARCHED))
    assert list(hits) == [CONTROL], hits  # the search finds what is there, and nothing of the upload
    assert not PendingUpload.objects.exists()
    assert file_hits(Path(settings.MEDIA_ROOT), SEARCHED) == []
    assert file_hits(Path(tempfile.gettempdir()), MARKERS, since=started) == []
    logged = "\n".join(record.getMessage() + " " + str(record.args) for record in caplog.records)
    printed = "".join(capsys.readouterr())
    for word in SEARCHED:
        assert word.lower() not in logged.lower()
        assert word.lower() not in printed.lower()
    # The file names are not kept either (one holds a made-up person's name).
    assert "Smithwickery care plan" not in str(hits) and "plan-two" not in str(database_hits(["plan-two"]))
