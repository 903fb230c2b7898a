"""Every PDF and Word download goes through core.documents: the first request
makes the file, a second request for unchanged data hands over the kept copy
without rendering it again, and the file reads back as a real PDF or Word file."""

import io
import subprocess

import docx
import pytest
from django.urls import reverse

from pathfinder.core import documents
from pathfinder.core.models import AuditEvent, RenderedDocument
from tests.test_route_matrix import (
    _interview_guide,
    _learning_report,
    _lens,
    _plan_diagram,
    _round,
)


def _with(builder, **extra):
    return lambda w: {**builder(w), **extra}


DOWNLOADS = {
    "lens report (PDF)": ("lens_export", lambda w: _lens(w, "closed", fmt="pdf")),
    "lens report (Word)": ("lens_export", lambda w: _lens(w, "closed", fmt="docx")),
    "leaflet": ("lens_leaflet_pdf", lambda w: _lens(w, "closed", layout="standard")),
    "easy-read leaflet": ("lens_leaflet_pdf", lambda w: _lens(w, "closed", layout="easy-read")),
    "progress report (Word)": ("plan_report_download", lambda w: {"pk": w.programme.pk, "fmt": "docx"}),
    "theory of change (PDF)": ("plan_toc_download", _with(_plan_diagram, fmt="pdf")),
    "learning report (Word)": ("learning_download", lambda w: _learning_report(w, fmt="docx")),
    "interview guide": ("interview_guide_pdf", _interview_guide),
    "phase one summary (Word)": ("interview_summary_download", lambda w: {"pk": w.programme.pk, "fmt": "docx"}),
    "MAT standards (PDF)": ("mat_export", lambda w: {"pk": w.programme.pk, "fmt": "pdf"}),
    "assessment results (PDF)": ("assessment_export", lambda w: _round(w, "closed", fmt="pdf")),
}


def readable_text(response) -> str:
    if response["Content-Type"] == "application/pdf":
        result = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True)
        return result.stdout.decode()
    return "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)


@pytest.mark.parametrize("name", sorted(DOWNLOADS))
def test_it_is_made_once_and_kept(name, world, as_user, monkeypatch):
    url_name, kwargs = DOWNLOADS[name]
    renders = []
    real = documents.render_bytes
    monkeypatch.setattr(documents, "render_bytes", lambda fmt, source: renders.append(fmt) or real(fmt, source))
    url = reverse(url_name, kwargs=kwargs(world))
    client = as_user(world.lead)

    first = client.get(url)
    assert first.status_code == 200, first.status_code
    assert first["Content-Disposition"].startswith("attachment; ")
    assert readable_text(first).strip()
    assert len(renders) == 1 and RenderedDocument.objects.filter(status="done").count() == 1

    second = client.get(url)
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert len(renders) == 1  # handed over from the kept copy
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT, actor=world.lead).count() == 2
