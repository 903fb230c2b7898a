"""An upload handler that keeps a file in memory, never on disk, and stops
keeping it past the size limit (it still counts the bytes, so the page can say
how big the file was). Django's own handlers write files over 2.5 MB to a
temporary file, which a document's text must never be.

Views take uploads through `in_memory_uploads`, which sets the handler before
anything reads the request (the CSRF check included) and then checks CSRF."""

import functools
import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from pathfinder.core.text_extract import MAX_BYTES


class BoundedMemoryUpload(FileUploadHandler):
    def __init__(self, request=None, limit: int = MAX_BYTES):
        super().__init__(request)
        self.limit = limit

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received <= self.limit:
            self.buffer.write(raw_data)
        return None  # no other handler sees the data

    def file_complete(self, file_size):
        kept = self.buffer if self.received <= self.limit else io.BytesIO()
        kept.seek(0)
        upload = InMemoryUploadedFile(
            file=kept,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.received,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
        upload.too_big = self.received > self.limit
        return upload


def in_memory_uploads(limit: int = MAX_BYTES):
    """A view decorator: the view's uploads stay in memory (BoundedMemoryUpload
    with `limit`). The handler must be in place before request.POST is read,
    and the CSRF middleware reads it, so CSRF is checked here, after it."""

    def decorate(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            request.upload_handlers = [BoundedMemoryUpload(request, limit=limit)]
            return protected(request, *args, **kwargs)

        return wrapper

    return decorate
