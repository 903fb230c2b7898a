"""Reading a document's words in memory: Word, OpenDocument and plain text
are read; a file whose content is not what its name says, a password-protected
file, an empty one or one over 10 MB is refused with a clear message. A PDF's
text layer is read; a scanned PDF (no text), a damaged one or one with more
than 500 pages is refused, saying why."""

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from pathfinder.core.text_extract import MAX_BYTES, MAX_PDF_PAGES, CannotRead, extract


def pdf_file(text: str) -> bytes:
    """A real PDF with a text layer, as WeasyPrint makes the project's own exports."""
    from weasyprint import HTML

    body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def _written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def locked_pdf(text: str, *, user_password: str = "open-sesame") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_file(text))))
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm="AES-256")
    return _written(writer)


def blank_pdf(pages: int = 1) -> bytes:
    """What a scan looks like to a text reader: pages with no text layer."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return _written(writer)


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
    with pytest.raises(CannotRead, match="This PDF is protected with a password"):
        extract("locked.pdf", locked_pdf("Our lone working policy"))
    with pytest.raises(CannotRead, match="protected with a password"):
        extract("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(CannotRead, match="protected with a password"):
        extract("locked.odt", odt_file("Secret", encrypted=True))


def test_it_counts_the_words_of_a_pdf():
    result = extract("Leaflet.PDF", pdf_file("You are welcome here.\nYou choose what to share."))
    assert result.kind == "pdf"
    assert result.word_count == 9
    assert "You choose what to share." in result.text


def test_it_reads_a_pdf_whose_password_only_guards_printing():
    # Opens without a password (only the owner password is set), as many published leaflets do.
    assert extract("leaflet.pdf", locked_pdf("Ask us about peer support", user_password="")).word_count == 5


def test_it_says_a_pdf_without_text_looks_like_a_scan_and_nothing_was_counted():
    with pytest.raises(CannotRead, match="looks like a scanned image, so nothing was counted"):
        extract("scan.pdf", blank_pdf(2))


def test_it_refuses_a_damaged_pdf():
    whole = pdf_file("Our referral pathway")
    for content in [b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", whole[: len(whole) // 3], b"%PDF-" + b"\xff" * 500]:
        with pytest.raises(CannotRead, match="could not be read: it may be damaged"):
            extract("policy.pdf", content)


def test_it_refuses_a_pdf_with_too_many_pages_and_says_the_limit():
    with pytest.raises(CannotRead, match=f"This PDF has 501 pages; Pathfinder reads at most {MAX_PDF_PAGES}"):
        extract("everything.pdf", blank_pdf(MAX_PDF_PAGES + 1))


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
