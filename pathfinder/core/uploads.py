"""An upload handler that keeps a file in memory, never on disk, and stops
keeping it past the size limit (it still counts the bytes, so the page can say
how big the file was). Django's own handlers write files over 2.5 MB to a
temporary file, which a document's text must never be."""

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

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
