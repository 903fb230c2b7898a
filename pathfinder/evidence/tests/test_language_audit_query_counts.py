"""The language audit pages make the same number of queries however many
audits, documents and findings there are."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.evidence.models import LanguageAudit
from pathfinder.evidence.tests.language_corpus import upload


def count(client, url) -> int:
    """Queries for a second view: the first may write the session (at most once a minute, core/sessions.py)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def files(n):
    return [SimpleUploadedFile(f"plan{i}.txt", b"An addict asked what happened. Choice.") for i in range(n)]


def test_counts_do_not_grow_with_audits_or_documents(world, as_user):
    client = as_user(world.lead)
    upload(client, world.programme, files(1))
    first = LanguageAudit.objects.get()
    base = f"/programmes/{world.programme.pk}"
    pages = [f"{base}/language-audits/", f"/language-audits/{first.pk}/", f"{base}/"]
    before = [count(client, url) for url in pages]
    for _ in range(4):
        upload(client, world.programme, files(6))
    big = LanguageAudit.objects.order_by("-id").first()
    for result in ("stigmatising:addict", "trauma_informed"):
        client.post(f"/language-audits/{big.pk}/findings/", {"result": result})
    after = [count(client, url) for url in [*pages[:1], f"/language-audits/{big.pk}/", pages[2]]]
    assert after == before
