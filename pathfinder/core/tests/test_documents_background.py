"""PDF and Word files made in the background: the request that asks for one
never renders it; a progress page (no JavaScript needed) shows where it is and
then offers the file; outsiders cannot see either."""

import io
import subprocess

import docx
import pytest

from pathfinder.core import documents
from pathfinder.core.models import AuditEvent, RenderedDocument

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def report_url(world, fmt="pdf"):
    return f"/programmes/{world.programme.pk}/plan/report.{fmt}"


def pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


@pytest.fixture
def renders(monkeypatch):
    """How many times a file was really rendered (the real renderer still runs)."""
    calls = []
    real = documents.render_bytes

    def counted(fmt, source):
        calls.append(fmt)
        return real(fmt, source)

    monkeypatch.setattr(documents, "render_bytes", counted)
    return calls


@pytest.fixture
def worker_later(settings):
    """Tasks wait in a queue until the test runs them, as the database worker would."""
    settings.TASKS = DUMMY


def run_worker():
    for row in RenderedDocument.objects.filter(status=RenderedDocument.Status.QUEUED):
        documents.render(row.pk)


def test_it_queues_the_render_and_shows_progress(world, as_user, renders, worker_later):
    client = as_user(world.lead)
    response = client.get(report_url(world))
    row = RenderedDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/downloads/{row.pk}/"
    assert renders == []  # the request itself did not render anything
    assert row.status == "queued" and row.what == "progress report"

    page = client.get(f"/downloads/{row.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Your document is being made" in text and "Check again" in text
    assert 'http-equiv="refresh"' not in text  # only when asked for: WCAG 2.2.1
    following = client.get(f"/downloads/{row.pk}/?follow=1").content.decode()
    assert 'http-equiv="refresh"' in following and "Stop updating by itself" in following
    # Not ready yet: the file address sends the person back to the progress page.
    assert client.get(f"/downloads/{row.pk}/file/")["Location"] == f"/downloads/{row.pk}/"
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT).exists()

    run_worker()
    assert renders == ["pdf"]
    ready = client.get(f"/downloads/{row.pk}/")
    assert "Your document is ready" in ready.content.decode()
    assert 'http-equiv="refresh"' not in client.get(f"/downloads/{row.pk}/?follow=1").content.decode()
    file = client.get(f"/downloads/{row.pk}/file/")
    assert file["Content-Type"] == "application/pdf" and file["Cache-Control"] == "no-store"
    assert file["Content-Disposition"].startswith('attachment; filename="home-service-progress-report-')
    assert "Progress report for senior management" in pdf_text(file.content)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.EXPORT)
    assert event.actor == world.lead and event.service == world.service
    assert (event.target_type, event.target_id) == ("programmes.programme", str(world.programme.pk))
    assert event.detail == {"what": "progress report", "format": "pdf"}
    assert renders == ["pdf"]


def test_asking_again_while_it_is_made_does_not_start_it_twice(world, as_user, renders, worker_later):
    client = as_user(world.lead)
    first = client.get(report_url(world))
    second = client.get(report_url(world))
    assert first["Location"] == second["Location"]
    assert RenderedDocument.objects.count() == 1
    run_worker()
    # Now kept: handed over at once, with no render in the request.
    response = client.get(report_url(world))
    assert response["Content-Type"] == "application/pdf"
    assert renders == ["pdf"]


def test_a_kept_copy_is_handed_over_without_rendering(world, as_user, renders):
    client = as_user(world.lead)
    first = client.get(report_url(world, "docx"))  # tests run tasks at once
    second = client.get(report_url(world, "docx"))
    assert renders == ["docx"]
    assert first.content == second.content
    text = " ".join(p.text for p in docx.Document(io.BytesIO(second.content)).paragraphs)
    assert "Progress report for senior management" in text
    # Each hand-over is an export in the audit log, as before.
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT, detail__what="progress report").count() == 2


def test_a_change_to_the_data_makes_a_new_copy_and_forgets_the_old(world, as_user, renders):
    from pathfinder.planning.tests.conftest import make_action

    client = as_user(world.lead)
    before = pdf_text(client.get(report_url(world)).content)
    make_action(world, title="Train reception staff", theme="skills")
    after = pdf_text(client.get(report_url(world)).content)
    assert renders == ["pdf", "pdf"]
    assert "Train reception staff" not in before and "Train reception staff" in after
    assert RenderedDocument.objects.count() == 1  # the stale copy is gone
    client.get(report_url(world))
    assert renders == ["pdf", "pdf"]


def test_what_is_kept_is_encrypted(world, as_user, worker_later):
    as_user(world.lead).get(report_url(world))
    row = RenderedDocument.objects.get()
    assert row.source and "Progress report" not in row.source
    run_worker()
    row.refresh_from_db()
    assert row.source == ""  # what it says is not kept once the file is made
    assert "%PDF" not in row.content and "JVBER" not in row.content  # nor the file in clear (or in base64)
    assert row.size > 1000 and row.render_seconds > 0


def test_outsiders_cannot_see_the_progress_or_the_file(world, as_user, worker_later):
    as_user(world.lead).get(report_url(world))
    row = RenderedDocument.objects.get()
    run_worker()
    outsider = as_user(world.outsider)
    assert outsider.get(f"/downloads/{row.pk}/").status_code == 404
    assert outsider.get(f"/downloads/{row.pk}/file/").status_code == 404


def test_people_without_the_permission_get_403(world, as_user, worker_later):
    from pathfinder.core.roles import Role

    as_user(world.lead).get(report_url(world))
    row = RenderedDocument.objects.get()
    run_worker()
    world.memberships.member.role = Role.STAFF
    world.memberships.member.save()
    staff = as_user(world.member)
    assert staff.get(f"/downloads/{row.pk}/").status_code == 403
    assert staff.get(f"/downloads/{row.pk}/file/").status_code == 403


def test_a_failed_render_says_so_and_can_be_tried_again(world, as_user, monkeypatch, worker_later):
    client = as_user(world.lead)
    client.get(report_url(world))
    row = RenderedDocument.objects.get()

    def broken(fmt, source):
        raise RuntimeError("WeasyPrint fell over")

    real = documents.render_bytes
    monkeypatch.setattr(documents, "render_bytes", broken)
    run_worker()
    page = client.get(f"/downloads/{row.pk}/").content.decode()
    assert "Your document could not be made" in page and "Nothing has been lost" in page
    assert f'href="{report_url(world)}"' in page  # "Try again" asks for it afresh
    assert "WeasyPrint fell over" not in page

    monkeypatch.setattr(documents, "render_bytes", real)
    again = client.get(report_url(world))
    assert again["Location"] == f"/downloads/{row.pk}/"
    run_worker()
    assert client.get(f"/downloads/{row.pk}/file/")["Content-Type"] == "application/pdf"


def test_progress_pages_pass_the_page_checks(world, as_user, worker_later):
    client = as_user(world.lead)
    client.get(report_url(world, "docx"))
    row = RenderedDocument.objects.get()
    for path in [f"/downloads/{row.pk}/", f"/downloads/{row.pk}/?follow=1"]:
        assert client.get(path).page is not None  # the checked client parsed it: valid, titled, unique ids
    run_worker()
    ready = client.get(f"/downloads/{row.pk}/")
    assert f'href="/downloads/{row.pk}/file/"' in ready.content.decode()
    assert "Word file" in ready.content.decode()


def test_kept_files_move_to_a_new_key(world, as_user, settings):
    from cryptography.fernet import Fernet

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    client = as_user(world.lead)
    first = client.get(report_url(world, "docx"))
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert documents.rotate_all() == 1
    assert documents.rotate_all() == 0  # already under the newest key
    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone: the kept copy still opens
    assert client.get(report_url(world, "docx")).content == first.content


def test_the_progress_page_asks_few_queries(world, as_user, worker_later, django_assert_max_num_queries):
    client = as_user(world.lead)
    client.get(report_url(world))
    row = RenderedDocument.objects.get()
    client.get(f"/downloads/{row.pk}/")  # the session and the like settle on the first page
    with django_assert_max_num_queries(10):
        client.get(f"/downloads/{row.pk}/")


def test_a_report_of_an_open_event_stays_with_its_facilitators(world, as_user):
    """Before a lens event closes only facilitators see its report; the kept file
    asks the same of whoever opens it, so an evaluator cannot reach it by its address."""
    from tests.test_route_matrix import _lens

    url = "/lens-events/{pk}/report.docx".format(**_lens(world, "open"))
    assert as_user(world.lead).get(url).status_code == 200
    row = RenderedDocument.objects.get(what="lens report")
    assert row.permission == "export_data,record_findings"
    evaluator = as_user(world.viewer)
    assert evaluator.get(url).status_code == 403
    assert evaluator.get(f"/downloads/{row.pk}/").status_code == 403
    assert evaluator.get(f"/downloads/{row.pk}/file/").status_code == 403
    assert as_user(world.member).get(f"/downloads/{row.pk}/file/").status_code == 200
