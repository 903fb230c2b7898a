"""The owner downloads their plan as a PDF to print or keep."""

import subprocess

from pathfinder.workforce.tests.conftest import ALICES_WORDS, PDF_URL, PLAN_URL


def pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def test_it_downloads_the_plan(world, as_user, alices_plan):
    response = as_user(world.lead).get(PDF_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="my-wellbeing-plan.pdf"'
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    assert "My wellbeing plan" in text
    assert "Alice Lead" in text
    for words in ALICES_WORDS.values():
        for line in words.split("\n"):
            assert line in text
    assert "Signs that I might be struggling" in text


def test_there_is_nothing_to_print_without_a_plan(world, as_user):
    client = as_user(world.member)
    response = client.get(PDF_URL)
    assert response.status_code == 302 and response["Location"] == PLAN_URL
    assert "There is nothing to print yet." in client.get(PLAN_URL).page.text()
