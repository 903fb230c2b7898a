"""With the production task backend (django_tasks_db) the upload page returns
before anything is counted: the files wait, encrypted, until the database
worker runs; then the audit is counted and the waiting files are gone."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from pathfinder.evidence.models import AuditDocument, LanguageAudit, PendingUpload
from pathfinder.evidence.tests.language_corpus import MARKERS, care_plans, upload

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


# The worker closes its database connection when done, which on PostgreSQL
# would end a test wrapped in one transaction: this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_the_page_returns_before_counting_and_the_worker_counts(world, as_user, database_tasks):
    client = as_user(world.lead)
    response = upload(client, world.programme, care_plans())
    audit = LanguageAudit.objects.get()
    assert response.status_code == 302
    # Nothing counted yet: the task is queued with the audit's id only.
    assert audit.status == LanguageAudit.Status.QUEUED
    assert set(AuditDocument.objects.values_list("status", flat=True)) == {"waiting"}
    assert PendingUpload.objects.count() == 3
    sealed = " ".join(PendingUpload.objects.values_list("sealed", flat=True))
    assert not any(marker.lower() in sealed.lower() for marker in MARKERS)
    task = DBTaskResult.objects.get()
    assert task.args_kwargs == {"args": [], "kwargs": {"audit_id": audit.pk}}

    page = client.get(f"/language-audits/{audit.pk}/")
    assert page.page.css("progress")[0].get("value") == "0"
    assert page.page.css("progress")[0].get("max") == "3"
    assert "0 of 3 documents read" in page.page.text()
    # It refreshes itself only when asked to (a timed refresh must be under the person's control).
    assert not page.page.css('meta[http-equiv="refresh"]')
    followed = client.get(f"/language-audits/{audit.pk}/?follow=1")
    assert followed.page.css('meta[http-equiv="refresh"]')[0].get("content") == "5"
    assert "Stop updating by itself" in followed.page.text()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    audit.refresh_from_db()
    assert audit.status == LanguageAudit.Status.DONE
    assert (audit.words, audit.trauma_informed_total, audit.stigmatising_total) == (110, 12, 8)
    assert not PendingUpload.objects.exists()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    page = client.get(f"/language-audits/{audit.pk}/?follow=1")
    assert not page.page.css("progress") and not page.page.css('meta[http-equiv="refresh"]')
