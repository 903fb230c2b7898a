"""Results: theme scores against the baseline, strengths and gaps that become findings."""

import csv
import io

import openpyxl

from pathfinder.assessments import services
from pathfinder.assessments.models import AssessmentRound
from pathfinder.assessments.tests.conftest import agree_all, answer_all
from pathfinder.core.models import AuditEvent
from pathfinder.programmes.models import Finding


def closed(round_, world, value_for):
    services.start_consensus(round_, version=round_.version, by=world.lead)
    agree_all(round_, world.lead, value_for)
    round_.refresh_from_db()
    services.close_round(round_, version=round_.version, by=world.lead)
    round_.refresh_from_db()
    return round_


def follow_up(world, builtin):
    return services.open_round(
        programme=world.programme,
        instrument_version=builtin,
        kind="follow_up",
        title="Follow-up 2027",
        raters=[world.lead],
        by=world.lead,
    )


def test_everyone_in_the_programme_sees_closed_results(open_round, world, as_user):
    closed(open_round, world, lambda item: 5 if item.section == "wellbeing" else 2)
    page = as_user(world.viewer).get(f"/assessment-rounds/{open_round.pk}/results/").page
    text = page.text()
    assert "56 of 56 items have an agreed score" in text
    assert "Workforce care, support and wellbeing scored highest (5.0)" in text
    assert len(page.css("svg[role=img]")) == 1
    rows = {
        row.cssselect("th")[0].text_content(): row.cssselect("td")[0].text_content()
        for row in page.css(".pf-chart__data tbody tr")
    }
    assert rows["Leadership"] == "2" and rows["Workforce care, support and wellbeing"] == "5"


def test_a_follow_up_is_compared_with_the_baseline(open_round, world, builtin, as_user):
    closed(open_round, world, lambda item: 2)
    later = closed(follow_up(world, builtin), world, lambda item: 4 if item.section == "leadership" else 2)
    page = as_user(world.lead).get(f"/assessment-rounds/{later.pk}/results/").page
    text = page.text()
    assert "From Baseline 2026 to Follow-up 2027, 1 of 9 themes scored higher" in text
    assert "biggest rise was in Leadership (2.0 to 4.0)" in text
    overview = as_user(world.lead).get(f"/programmes/{world.programme.pk}/assessment/").page
    assert len(overview.css("svg[role=img]")) == 2  # baseline against latest, and the trend over both


def test_a_gap_becomes_a_finding_once(open_round, world, as_user):
    closed(open_round, world, lambda item: 1)
    client = as_user(world.member)
    url = f"/assessment-rounds/{open_round.pk}/findings/"
    client.post(url, {"item": "service_design.psychology-access", "kind": "gap"})
    client.post(url, {"item": "service_design.psychology-access", "kind": "gap"})
    finding = Finding.objects.get()
    assert (finding.theme, finding.kind, finding.source_type) == ("service_design", "gap", "assessment")
    assert finding.source_id == f"{open_round.pk}:service_design.psychology-access"
    assert "Agreed: Not started" in finding.text
    page = client.get(f"/assessment-rounds/{open_round.pk}/results/").page
    assert "In the findings" in page.text()
    dashboard = client.get(f"/programmes/{world.programme.pk}/").page
    links = [a.get("href") for a in dashboard.css(".pf-findings a")]
    assert f"/assessment-rounds/{open_round.pk}/results/" in links


def test_a_read_only_viewer_cannot_make_findings(open_round, world, as_user):
    closed(open_round, world, lambda item: 1)
    response = as_user(world.viewer).post(
        f"/assessment-rounds/{open_round.pk}/findings/", {"item": "culture.principles-in-decisions", "kind": "gap"}
    )
    assert response.status_code == 403
    assert not Finding.objects.exists()


def test_results_are_private_to_the_lead_while_scores_are_being_agreed(open_round, world, as_user):
    services.start_consensus(open_round, version=1, by=world.lead)
    assert as_user(world.lead).get(f"/assessment-rounds/{open_round.pk}/results/").status_code == 200
    assert as_user(world.member).get(f"/assessment-rounds/{open_round.pk}/results/").status_code == 403


def test_downloads_show_counts_not_names_and_are_audited(open_round, world, third_rater, as_user):
    answer_all(open_round, world.lead, 4)
    answer_all(open_round, world.member, 4, evidence='=HYPERLINK("http://evil")')
    answer_all(open_round, third_rater, 2)
    closed(open_round, world, lambda item: 3)
    client = as_user(world.viewer)
    response = client.get(f"/assessment-rounds/{open_round.pk}/download.csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, first = rows[0], rows[1]
    assert header[:3] == ["Theme", "Item code", "Item"]
    assert first[1] == "culture.principles-in-decisions"
    assert first[header.index("Partly in place")] == "0" and first[header.index("In place across the service")] == "2"
    body = response.content.decode("utf-8-sig")
    assert "Bob Member" not in body and "Gail Third" not in body
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/assessment-rounds/{open_round.pk}/download.xlsx").content)
    )
    assert len(workbook.sheetnames) == 2
    assert AuditEvent.objects.filter(kind="data.export", actor=world.viewer).count() == 2


def test_the_pdf_summary_names_the_scores_and_gaps(open_round, world, as_user, tmp_path):
    import subprocess

    closed(open_round, world, lambda item: 1 if item.section == "budgets" else 4)
    response = as_user(world.lead).get(f"/assessment-rounds/{open_round.pk}/download.pdf")
    assert response.content.startswith(b"%PDF")
    path = tmp_path / "summary.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Baseline 2026: organisational assessment" in text
    assert "Gaps to work on" in text
    assert "Budgets" in text


def test_an_unknown_download_format_is_not_found(open_round, world, as_user):
    closed(open_round, world, lambda item: 3)
    assert as_user(world.lead).get(f"/assessment-rounds/{open_round.pk}/download.exe").status_code == 404
    assert AssessmentRound.objects.get().status == "closed"
