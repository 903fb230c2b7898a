"""Reading a document's words in memory: Word, OpenDocument and plain text
are read; a file whose content is not what its name says, a password-protected
file, an empty one or one over 10 MB is refused with a clear message; PDF text
cannot be read with the libraries installed, so it is refused plainly."""

import io
import zipfile

import docx
import pytest

from pathfinder.core.text_extract import MAX_BYTES, CannotRead, extract


def word_file(text: str) -> bytes:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_file(text: str, *, encrypted: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        if encrypted:
            manifest += "<manifest:encryption-data/>"
        archive.writestr("META-INF/manifest.xml", manifest + "</manifest:manifest>")
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            + "".join(f"<text:p>{line}</text:p>" for line in text.split("\n"))
            + "</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def test_it_counts_the_words_of_a_word_file():
    result = extract("Assessment.DOCX", word_file("Tell us what matters to you.\nYou can stop at any time."))
    assert result.kind == "docx"
    assert result.word_count == 12


def test_it_counts_the_words_of_an_opendocument_file():
    assert extract("leaflet.odt", odt_file("A person who uses drugs\nis welcome here")).word_count == 8


def test_it_counts_the_words_of_a_text_file_in_either_encoding():
    assert extract("notes.txt", "Person-first language, isn’t it?".encode()).word_count == 4
    assert extract("notes.txt", "café menu".encode("cp1252")).word_count == 2


def test_it_refuses_a_file_that_is_not_what_its_name_says():
    for name, content in [
        ("policy.docx", b"just some text"),
        ("policy.odt", word_file("Hello")),
        ("policy.docx", odt_file("Hello")),
        ("policy.pdf", b"PK\x03\x04 not a pdf"),
        ("policy.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ]:
        with pytest.raises(CannotRead, match="its content is not"):
            extract(name, content)


def test_it_refuses_a_password_protected_file():
    with pytest.raises(CannotRead, match="protected with a password"):
        extract("locked.pdf", b"%PDF-1.7\n1 0 obj\n<< /Encrypt 5 0 R >>\nendobj\n")
    with pytest.raises(CannotRead, match="protected with a password"):
        extract("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(CannotRead, match="protected with a password"):
        extract("locked.odt", odt_file("Secret", encrypted=True))


def test_it_says_plainly_that_pdf_text_cannot_be_read_yet():
    with pytest.raises(CannotRead, match="cannot read the words in a PDF yet"):
        extract("policy.pdf", b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n")


def test_it_refuses_a_file_over_10_mb():
    with pytest.raises(CannotRead, match="The file is 15 MB, larger than the 10 MB limit"):
        extract("big.txt", b"", size=15 * 1024 * 1024)
    extract("just.txt", b"a " * (MAX_BYTES // 2))


def test_it_refuses_other_kinds_and_empty_files():
    with pytest.raises(CannotRead, match="Choose a Word"):
        extract("policy.doc", b"anything")
    with pytest.raises(CannotRead, match="empty"):
        extract("policy.txt", b"")
    with pytest.raises(CannotRead, match="could not find any words"):
        extract("policy.txt", b"   \n  ")


def test_it_refuses_a_zip_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (MAX_BYTES * 21))
    with pytest.raises(CannotRead, match="unpacks to far more"):
        extract("bomb.docx", buffer.getvalue())
