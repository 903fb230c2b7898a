"""Uploading a document's text: read in memory, never stored, and a clear
message for a file that is too big, locked or not what its name says."""

import io
import tempfile
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.core.uploads import BoundedMemoryUpload
from pathfinder.discovery.models import Document
from pathfinder.discovery.tests.factories_documents import a_document
from pathfinder.discovery.tests.test_document_text_extract import blank_pdf, locked_pdf, pdf_file, word_file
from pathfinder.programmes import registry
from pathfinder.programmes.registry import TextCheck, TextCheckResult


def _document(world):
    return a_document(world, version_date=date(2026, 3, 1))


def _upload(client, document, name, content):
    return client.post(f"/documents/{document.pk}/text/", {"file": SimpleUploadedFile(name, content)})


def test_it_counts_the_words(world, as_user):
    document = _document(world)
    response = _upload(as_user(world.member), document, "form.docx", word_file("What would help you today?"))
    assert response.status_code == 200
    text = response.page.text()
    assert "The file was read" in text
    assert "form.docx: 5 words." in text


@pytest.fixture
def one_check(monkeypatch):
    """Only a check of the test's own, whatever other apps registered; put back after."""
    seen = []

    def run(programme, user, name, text):
        seen.append((programme, user, name, text))
        return TextCheckResult(
            title="Counting check",
            lines=(f"{text.count('addict')} uses of a word to look at again.", "Nothing else to note."),
            href="/somewhere/",
            link_text="See everything the check found",
        )

    monkeypatch.setattr(registry, "_text_checks", {})
    registry.register_text_check(TextCheck(key="counting", title="Counting check", run=run))
    return seen


def test_it_runs_every_registered_check_and_shows_what_it_found(world, as_user, one_check):
    document = _document(world)
    words = "Addicts are welcome. We ask every addict what would help."
    response = _upload(as_user(world.member), document, "form.pdf", pdf_file(words))
    assert one_check == [(world.programme, world.member, "Initial assessment form", one_check[0][3])]
    assert "every addict what would help" in one_check[0][3]  # the check saw the text
    page = response.page
    card = page.text()
    assert "Counting check" in card
    assert "1 uses of a word to look at again." in card and "Nothing else to note." in card
    assert [a.get("href") for a in page.css("main a") if a.text_content() == "See everything the check found"] == [
        "/somewhere/"
    ]
    # Discovery keeps none of the text: not in the register, not in the audit log.
    from pathfinder.core.models import AuditEvent

    document.refresh_from_db()
    assert "would help" not in f"{document.notes} {document.title}"
    assert not any("would help" in str(event.__dict__) for event in AuditEvent.objects.all())


def test_no_check_runs_on_a_file_that_could_not_be_read(world, as_user, one_check):
    document = _document(world)
    response = _upload(as_user(world.member), document, "scan.pdf", blank_pdf())
    assert one_check == []
    assert "Counting check" not in response.page.text()


def test_it_refuses_a_15_mb_file_without_writing_it_to_disk(world, as_user, settings, monkeypatch):
    from django.core.files import uploadhandler

    def to_disk(*args, **kwargs):
        raise AssertionError("the upload was written to a temporary file")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", to_disk)
    document = _document(world)
    temp = Path(tempfile.mkdtemp())
    settings.FILE_UPLOAD_TEMP_DIR = str(temp)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # Django's own handler would write this to disk
    response = _upload(as_user(world.member), document, "huge.txt", b"word " * (3 * 1024 * 1024))
    assert response.status_code == 200
    page = response.page
    assert page.title.startswith("Error: ")
    assert "The file is 15 MB, larger than the 10 MB limit." in page.text()
    assert list(temp.iterdir()) == []
    document.refresh_from_db()
    assert document.version == 1 and Document.objects.count() == 1  # nothing changed


def test_it_refuses_a_locked_pdf_and_a_disguised_file(world, as_user):
    document = _document(world)
    client = as_user(world.member)
    locked = _upload(client, document, "policy.pdf", locked_pdf("Our lone working policy"))
    assert "This PDF is protected with a password." in locked.page.text()
    disguised = _upload(client, document, "policy.docx", b"\x89PNG\r\n\x1a\nnot a word file")
    assert "its content is not" in disguised.page.text()


def test_the_handler_keeps_nothing_past_the_limit():
    handler = BoundedMemoryUpload(limit=10)
    handler.new_file("file", "a.txt", "text/plain", None)
    handler.receive_data_chunk(b"12345", 0)
    handler.receive_data_chunk(b"6789012345", 5)
    upload = handler.file_complete(15)
    assert upload.too_big and upload.size == 15
    assert upload.read() == b""
    assert isinstance(upload.file, io.BytesIO)


def test_it_still_checks_the_csrf_token(world, client):
    from django.test import Client

    document = _document(world)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.member, backend="allauth.account.auth_backends.AuthenticationBackend")
    response = strict.post(f"/documents/{document.pk}/text/", {"file": SimpleUploadedFile("a.txt", b"hello")})
    assert response.status_code == 403


def test_it_counts_the_words_of_a_pdf_and_names_a_scan(world, as_user):
    document = _document(world)
    client = as_user(world.member)
    read = _upload(client, document, "form.pdf", pdf_file("What would help you today?"))
    assert "form.pdf: 5 words." in read.page.text()
    scan = _upload(client, document, "scan.pdf", blank_pdf())
    assert scan.page.title.startswith("Error: ")
    assert "looks like a scanned image, so nothing was counted" in scan.page.text()
