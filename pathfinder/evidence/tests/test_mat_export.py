"""The export for the ADP's annual return: Excel and a tagged PDF, formula-safe, audited."""

import io
import subprocess

import openpyxl

from pathfinder.core.models import AuditEvent
from pathfinder.evidence.tests.mat import rate
from pathfinder.planning.tests.conftest import make_action
from pathfinder.reports.tests.test_pdf_export import pdf_objects


def url(world, fmt):
    return f"/programmes/{world.programme.pk}/mat-standards/return.{fmt}"


def test_it_exports_the_latest_rating_of_every_standard_to_excel(world, as_user):
    rate(world, standard=6, rating="red", days=90)
    rate(world, standard=6, rating="green", days=5, numerical_evidence='=HYPERLINK("http://x")')
    action = make_action(world, title="Agree a pathway")
    as_user(world.lead).post(f"/programmes/{world.programme.pk}/mat-standards/6/actions/", {"action": action.pk})
    response = as_user(world.viewer).get(url(world, "xlsx"))
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    latest, history, actions = workbook.worksheets
    rows = list(latest.iter_rows(values_only=True))
    assert rows[0][:3] == ("Standard", "Name", "Rating")
    assert len(rows) == 11
    assert rows[6][2] == "Green" and rows[1][2] == "Not rated yet"
    assert not str(rows[6][5]).startswith("=")
    assert len(list(history.iter_rows(values_only=True))) == 3
    assert list(actions.iter_rows(values_only=True))[1][:2] == (6, "Agree a pathway")


def test_it_records_the_export_in_the_audit_log(world, as_user):
    as_user(world.viewer).get(url(world, "xlsx"))
    [event] = AuditEvent.objects.filter(kind="data.export")
    assert event.actor == world.viewer
    assert event.detail["what"] == "MAT standards" and event.detail["format"] == "xlsx"


def test_it_exports_a_tagged_pdf(world, as_user, tmp_path):
    rate(world, standard=10, rating="amber", days=5, experiential_evidence="People say staff explain their choices.")
    response = as_user(world.lead).get(url(world, "pdf"))
    assert response.status_code == 200
    path = tmp_path / "return.pdf"
    path.write_bytes(response.content)
    assert b"/StructTreeRoot" in pdf_objects(path)
    text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True).stdout
    assert b"Trauma-informed care" in text and b"Amber" in text
    assert AuditEvent.objects.get(kind="data.export").detail["format"] == "pdf"


def test_it_answers_404_for_another_format(world, as_user):
    assert as_user(world.lead).get(url(world, "docx")).status_code == 404
