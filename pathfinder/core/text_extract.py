"""The text of an uploaded document, read in memory and never stored.

Only the words are kept, long enough to count them (and, once the language
check lands, to run it). A file is read only if its content is what its name
says: a Word file must be a Word file, and so on. Plain Python plus
python-docx, lxml and pypdf; no Django.

PDF: the text layer is read with pypdf, at most MAX_PDF_PAGES pages and
MAX_TEXT_CHARS characters (a pathological PDF must not hold the server). A PDF
locked with a password to open it is refused; one whose only password guards
printing or copying (it opens without one) is read. A PDF with no text layer
(a scan) is refused, saying nothing was counted."""

import io
import re
import zipfile
from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024  # 10 MB
MAX_UNPACKED_BYTES = 20 * MAX_BYTES  # a Word or ODT file is a zip: refuse a zip bomb
MAX_PDF_PAGES = 500  # a longer PDF is refused: save the part to check
MAX_TEXT_CHARS = 5_000_000  # about 800,000 words: far more than any policy
EXTENSIONS = {"docx": "Word", "odt": "OpenDocument text", "txt": "plain text", "pdf": "PDF"}
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


class CannotRead(ValueError):
    """The file cannot be read. str() is the message to show, in plain words."""


@dataclass(frozen=True)
class Extracted:
    text: str
    kind: str  # a key of EXTENSIONS

    @property
    def word_count(self) -> int:
        return len(_WORD.findall(self.text))


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def extract(name: str, content: bytes, *, size: int | None = None) -> Extracted:
    """The text of a file called `name`. `size` is the size of the upload when
    `content` was cut short because it was too big. Raises CannotRead."""
    size = len(content) if size is None else size
    kind = extension(name)
    if kind not in EXTENSIONS:
        raise CannotRead("Choose a Word (.docx), OpenDocument (.odt), PDF (.pdf) or plain text (.txt) file.")
    if size > MAX_BYTES:
        raise CannotRead(
            f"The file is {megabytes(size)}, larger than the {megabytes(MAX_BYTES)} limit. "
            "Save a shorter version, or the text only, and try again."
        )
    if not content:
        raise CannotRead("The file is empty. Check you chose the right file.")
    reader = {"docx": _docx, "odt": _odt, "txt": _txt, "pdf": _pdf}[kind]
    text = reader(content)
    if not text.strip():
        raise CannotRead("We could not find any words in this file. Check you chose the right file.")
    return Extracted(text=text, kind=kind)


def _not_what_it_says(kind: str) -> CannotRead:
    return CannotRead(
        f"This file's name says it is a {EXTENSIONS[kind]} file, but its content is not. "
        "Open it and save it again in that format, or choose another file."
    )


def _zip(content: bytes, kind: str) -> zipfile.ZipFile:
    if not content.startswith(b"PK\x03\x04"):
        if content.startswith(b"\xd0\xcf\x11\xe0"):  # an encrypted Office file is an OLE container
            raise CannotRead("This file is protected with a password. Remove the password, save it and try again.")
        raise _not_what_it_says(kind)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise _not_what_it_says(kind) from None
    if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise CannotRead("This file unpacks to far more than a document would. Save the text only and try again.")
    return archive


def _docx(content: bytes) -> str:
    archive = _zip(content, "docx")
    if "word/document.xml" not in archive.namelist():
        raise _not_what_it_says("docx")
    import docx

    try:
        document = docx.Document(io.BytesIO(content))
    except Exception:  # python-docx raises several kinds for a broken package
        raise _not_what_it_says("docx") from None
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


_ODT_MIME = b"application/vnd.oasis.opendocument.text"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _odt(content: bytes) -> str:
    archive = _zip(content, "odt")
    names = archive.namelist()
    if "mimetype" not in names or not archive.read("mimetype").startswith(_ODT_MIME) or "content.xml" not in names:
        raise _not_what_it_says("odt")
    manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
    if b"encryption-data" in manifest:
        raise CannotRead("This file is protected with a password. Remove the password, save it and try again.")
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(archive.read("content.xml"), parser)
    except etree.XMLSyntaxError:
        raise _not_what_it_says("odt") from None
    blocks = root.iter(f"{{{_TEXT_NS}}}p", f"{{{_TEXT_NS}}}h")
    return "\n".join("".join(block.itertext()) for block in blocks)


def _txt(content: bytes) -> str:
    if b"\x00" in content[:4096]:
        raise _not_what_it_says("txt")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_what_it_says("txt")


_LOCKED = "This PDF is protected with a password. Remove the password, save it and try again."


def _pdf(content: bytes) -> str:
    if not content.lstrip()[:5] == b"%PDF-":
        raise _not_what_it_says("pdf")
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged PDF warns at length; the message says enough
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CannotRead(_LOCKED)
        pages = len(reader.pages)
        if pages > MAX_PDF_PAGES:
            raise CannotRead(
                f"This PDF has {pages:,} pages; Pathfinder reads at most {MAX_PDF_PAGES}. "
                "Save the part you want checked as a shorter PDF and try again."
            )
        parts: list[str] = []
        length = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            length += len(text)
            if length > MAX_TEXT_CHARS:
                raise CannotRead("This PDF holds far more text than a document would. Save the part to check.")
            parts.append(text)
    except CannotRead:
        raise
    except (FileNotDecryptedError, DependencyError, NotImplementedError):
        # Opening needs a password, or an encryption pypdf cannot undo.
        raise CannotRead(_LOCKED) from None
    except LimitReachedError:
        raise CannotRead(
            "This PDF unpacks to far more than a document would. Save the text only and try again."
        ) from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        # A broken PDF fails in many ways inside the reader; all mean the same to the person.
        raise CannotRead(
            "This file's name says it is a PDF, but it could not be read: it may be damaged. "
            "Open it and save it again as a PDF, or choose another file."
        ) from None
    text = "\n".join(parts)
    if not _WORD.search(text):
        raise CannotRead(
            "This PDF has no words Pathfinder can read: it looks like a scanned image, so nothing was counted. "
            "If you have the document as Word, OpenDocument or plain text, upload that instead."
        )
    return text
