"""Uploaded Word and OpenDocument files are XML inside a zip: an external
entity in them must never be resolved (ASVS 5.0 1.5.1), so a file cannot make
the server read its own files into the words it counts."""

import io
import zipfile
from pathlib import Path

import pytest

from pathfinder.core.text_extract import extract

SECRET = "/etc/hostname"
DOCTYPE = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY leak SYSTEM "file://{SECRET}">]>'


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            DOCTYPE + '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            "<text:p>before &leak; after</text:p></office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def _docx() -> bytes:
    from docx import Document

    source = io.BytesIO()
    Document().save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w") as archive:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                body = data.decode().split("?>", 1)[1]
                body = body.replace("<w:body>", "<w:body><w:p><w:r><w:t>before &leak; after</w:t></w:r></w:p>", 1)
                data = (DOCTYPE + body).encode()
            archive.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(("name", "make"), [("policy.odt", _odt), ("policy.docx", _docx)])
def test_it_never_reads_a_file_an_entity_points_at(name, make):
    hostname = Path(SECRET).read_text().strip()
    text = extract(name, make()).text
    assert text.startswith("before") and hostname not in text
