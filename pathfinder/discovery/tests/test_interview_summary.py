"""The summary across interviews: themes most raised, what helps and gets in
the way per theme, no names; as a page, a PDF and a Word file."""

import io
import subprocess

import docx

from pathfinder.discovery.tests.interview_factories import interview, tag


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(content)
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def _two_interviews(world):
    first = interview(world)
    tag(first, world, text="Forms ask people to retell their story.")
    tag(first, world, kind="facilitator", theme="wellbeing", text="Monthly reflective practice.")
    second = interview(world, audience="partner")
    tag(second, world, text="HR policies only HR can change.")


def test_it_lists_the_themes_most_raised_first(world, as_user):
    _two_interviews(world)
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/interviews/summary/").page
    themes = [cell.text_content().strip() for cell in page.css("tbody th")]
    assert themes == ["Policies and processes", "Workforce care, support and wellbeing"]
    assert "HR policies only HR can change." in page.text()
    assert "Jo Bloggs" not in page.text()


def test_it_downloads_as_pdf_without_names(world, as_user, tmp_path):
    _two_interviews(world)
    response = as_user(world.lead).get(f"/programmes/{world.programme.pk}/interviews/summary.pdf")
    text = pdf_text(response.content, tmp_path)
    assert "Phase one summary" in text
    assert "2 interviews with 2 people: 1 with staff and 1 with partners" in text
    assert "Forms ask people to retell their story." in text
    assert "Jo Bloggs" not in text and "Recovery worker" not in text


def test_it_downloads_as_word(world, as_user):
    _two_interviews(world)
    response = as_user(world.lead).get(f"/programmes/{world.programme.pk}/interviews/summary.docx")
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Monthly reflective practice." in text
    assert "Jo Bloggs" not in text
