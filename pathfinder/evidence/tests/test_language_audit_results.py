"""What an audit gives back: findings from notable results (made once, with a
link back), the trend over audits as an XmR chart with a table and a sentence,
the two measures for the Progress page, the dashboard panel, and the language
check of a document in the register kept as a one-document audit."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pathfinder.evidence.models import LanguageAudit
from pathfinder.evidence.tests.language_corpus import PLAN_ONE, care_plans, upload
from pathfinder.programmes.models import Finding
from pathfinder.programmes.registry import finding_source, measure_sources, text_checks


def _audit(world, as_user, files=None, days_ago=0, title="Care plans"):
    upload(as_user(world.lead), world.programme, files or care_plans(), title=title)
    audit = LanguageAudit.objects.order_by("-id").first()
    LanguageAudit.objects.filter(pk=audit.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    audit.refresh_from_db()
    return audit


def test_a_notable_result_becomes_a_finding_once(world, as_user):
    audit = _audit(world, as_user)
    client = as_user(world.member)
    page = client.get(f"/language-audits/{audit.pk}/")
    results = [field.get("value") for field in page.page.css('#findings ~ div input[name="result"]')]
    assert results[:2] == ["stigmatising:drug user", "stigmatising:substance misuse"]
    assert results[-1] == "trauma_informed"
    response = client.post(f"/language-audits/{audit.pk}/findings/", {"result": "stigmatising:drug user"})
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.kind == "barrier" and finding.programme == world.programme
    assert finding.text == (
        "In the language audit “Care plans”, “drug user” was used 3 times (27.3 per 1,000 words). "
        "Person-first alternatives: person who uses drugs; person with problematic drug use."
    )
    assert finding_source(finding.source_type).label == "Language audit"
    assert finding_source(finding.source_type).link(finding) == f"/language-audits/{audit.pk}/"
    client.post(f"/language-audits/{audit.pk}/findings/", {"result": "stigmatising:drug user"})
    client.post(f"/language-audits/{audit.pk}/findings/", {"result": "not-a-result"})
    assert Finding.objects.count() == 1
    assert "Finding made" in client.get(f"/language-audits/{audit.pk}/").page.text()


def test_the_trend_over_audits_is_an_xmr_chart_and_a_measure(world, as_user):
    plain = "We asked what happened and offered choice. " * 10

    for n, extra in enumerate(["addict " * 6, "addict " * 4, "addict " * 2, "", ""]):
        _audit(
            world,
            as_user,
            [SimpleUploadedFile("plan.txt", (plain + extra).encode())],
            days_ago=50 - n * 10,
            title=f"Audit {n + 1}",
        )
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/language-audits/")
    assert len(page.page.css("figure.pf-chart svg")) == 2
    text = page.page.text()
    assert "Stigmatising terms per 1,000 words, audit by audit" in text
    assert "In the latest audit, “Audit 5”, there were 0.0 stigmatising terms per 1,000 words." in text
    assert "Audit 1" in page.page.css("figure.pf-chart + details table")[0].text_content()

    source = next(s for s in measure_sources() if s.key == "language")
    measures = {m.key: m for m in source.measures(world.programme, world.viewer)}
    stigmatising = measures["language:stigmatising"]
    assert stigmatising.direction == "lower" and measures["language:trauma_informed"].direction == "higher"
    assert [p.label for p in stigmatising.points] == ["Audit 1", "Audit 2", "Audit 3", "Audit 4", "Audit 5"]
    assert [p.value for p in stigmatising.points] == [78.9, 54.1, 27.8, 0.0, 0.0]  # 6 in 76 words, 4 in 74, 2 in 72
    assert stigmatising.unit == " per 1,000 words"
    assert all(not m.points for m in source.measures(world.programme, world.outsider))
    panel = as_user(world.lead).get(f"/programmes/{world.programme.pk}/")
    assert "Go to the language audits" in panel.page.text()
    # The latest audit is supporting evidence for MAT standard 10, with a link.
    standard = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/mat-standards/10/")
    latest = LanguageAudit.objects.get(title="Audit 5")
    links = {"".join(a.itertext()): a.get("href") for a in standard.page.css("main li a")}
    assert links["Latest language audit, “Audit 5”"] == f"/language-audits/{latest.pk}/"


def test_the_register_check_keeps_a_one_document_audit_with_a_link(world, as_user):
    check = next(c for c in text_checks() if c.key == "language")
    result = check.run(world.programme, world.lead, "Care plan template", PLAN_ONE)
    audit = LanguageAudit.objects.get()
    assert audit.kind == "register" and audit.title == "Care plan template"
    assert audit.documents.get().label == "Care plan template"
    assert (audit.words, audit.stigmatising_total, audit.trauma_informed_total) == (60, 5, 6)
    assert result.href == f"/language-audits/{audit.pk}/"
    assert result.lines[:3] == (
        "60 words counted.",
        "Trauma-informed terms: 6 (100.0 per 1,000 words).",
        "Stigmatising terms: 5 (83.3 per 1,000 words).",
    )
    assert "Quillfeather" not in " ".join(result.lines)
    # Not part of the trend of care-plan audits.
    source = next(s for s in measure_sources() if s.key == "language")
    assert all(not m.points for m in source.measures(world.programme, world.lead))
