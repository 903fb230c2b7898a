"""Every upload page takes its files through core.uploads.in_memory_uploads:
the handler keeps them in memory, and CSRF is still checked after it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from pathfinder.core.uploads import BoundedMemoryUpload
from pathfinder.discovery.tests.factories_documents import a_document

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def _pages(world):
    document = a_document(world)
    return [
        f"/documents/{document.pk}/text/",
        f"/programmes/{world.programme.pk}/language-audits/new/",
        f"/programmes/{world.programme.pk}/measures/upload/",
    ]


def test_a_post_without_the_csrf_token_is_refused(world):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.lead, backend=BACKEND)
    for path in _pages(world):
        assert strict.get(path).status_code == 200, path
        upload = SimpleUploadedFile("a.txt", b"hello")
        assert strict.post(path, {"file": upload, "documents": upload}).status_code == 403, path


def test_the_files_are_held_by_the_in_memory_handler(world, monkeypatch):
    seen = []
    original = BoundedMemoryUpload.file_complete

    def spy(self, file_size):
        seen.append(type(self))
        return original(self, file_size)

    monkeypatch.setattr(BoundedMemoryUpload, "file_complete", spy)
    client = Client()
    client.force_login(world.lead, backend=BACKEND)
    for path in _pages(world):
        seen.clear()
        client.post(
            path, {"file": SimpleUploadedFile("a.txt", b"hello"), "documents": SimpleUploadedFile("b.txt", b"hi")}
        )
        assert seen and set(seen) == {BoundedMemoryUpload}, path
