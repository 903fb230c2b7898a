"""A small corpus of care plans written for the tests, with planted terms in
every variant (capitals, hyphens, no space, plurals, -ise/-ize, an ignored
phrase, a phrase inside a longer one), and documents that mention no one;
plus files that cannot be read. Helpers to upload it through the page."""

import io
import zipfile

import docx
from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.discovery.tests.test_document_text_extract import blank_pdf, locked_pdf

# Unique words that appear only in the uploaded files, to search for afterwards.
MARKERS = ("Quillfeather", "Zorbanik", "Plumtrellis", "Smithwickery")
# A CHI number that passes the check digit (born 01/02/80, then 123, then the check digit 1).
CHI = "0102801231"

PLAN_ONE = (
    "Support plan for Mr Smithwickery, DOB 01/02/1980. Quillfeather ward.\n"
    "We talked about what happened and about safety. Safety and Stabilisation comes first.\n"
    "The old notes called him a drug user, a DRUG-USER and a druguser. Two junkies were mentioned.\n"
    "Clean needles were given. He has been clean for a month.\n"
    "Trauma-informed care means trust and choice."
)
PLAN_TWO = (
    "Her choices were respected. The team used a person-centred, trauma responsive approach.\n"
    "Substance misuse and substance-misuse were written down, and an alcoholic parent. Zorbanik.\n"
    f"Collaborations with the GP. Stabilization work. CHI {CHI}."
)
PLAN_THREE = (
    "This plan mentions no one. It describes the service's approach to empowerment and lived experience. Plumtrellis."
)


def word_file(text: str) -> bytes:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_file(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            + "".join(f"<text:p>{line}</text:p>" for line in text.split("\n"))
            + "</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def zip_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("plan.txt", "Zorbanik in a zip")
    return buffer.getvalue()


def care_plans() -> list[SimpleUploadedFile]:
    """Three readable care plans, named as people often name them."""
    return [
        SimpleUploadedFile("Smithwickery care plan.txt", PLAN_ONE.encode()),
        SimpleUploadedFile("plan-two.docx", word_file(PLAN_TWO)),
        SimpleUploadedFile("plan-three.odt", odt_file(PLAN_THREE)),
    ]


def unreadable() -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile("bundle.zip", zip_file()),
        SimpleUploadedFile("lies.docx", b"Zorbanik is not really a Word file"),
        SimpleUploadedFile("locked.pdf", locked_pdf("Zorbanik in a locked file")),
        SimpleUploadedFile("scanned.pdf", blank_pdf()),
        SimpleUploadedFile("empty.txt", b""),
    ]


def upload(client, programme, files, title="Care plans, winter"):
    return client.post(f"/programmes/{programme.pk}/language-audits/new/", {"title": title, "documents": files})
