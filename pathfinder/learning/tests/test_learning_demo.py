"""The learning report of the demo programme, drawn from its records,
published and read back from the PDF with pdftotext."""

from io import StringIO

from django.core.management import call_command

from pathfinder.accounts.models import User
from pathfinder.learning.models import LearningReport
from pathfinder.planning.tests.conftest import pdf_text
from pathfinder.programmes.models import Finding, Programme


def test_the_demo_programmes_learning_report(db, as_user):
    call_command("pathfinder", "demo", stdout=StringIO())
    lead = User.objects.get(email="lead@lochmore.example")
    programme = Programme.objects.get(service__memberships__user=lead)
    client = as_user(lead)
    client.post(f"/programmes/{programme.pk}/learning-report/new/", {"from": "records"})
    report = LearningReport.objects.get(programme=programme)
    client.post(f"/learning-reports/{report.pk}/publish/", {"version": report.version, "confirmed": "yes"})
    text = pdf_text(client.get(f"/learning-reports/{report.pk}.pdf").content)
    assert f"What we learned: {programme.name}" in text
    assert "Challenges" in text and "What helped" in text and "Recommendations" in text
    barrier = Finding.objects.filter(programme=programme, kind="barrier").first()
    assert barrier is not None
    assert " ".join(barrier.text.split())[:60] in text
    for member in programme.service.memberships.select_related("user"):
        assert member.user.full_name not in text
