"""The learning report pages: a draft from the records, reworded, published,
downloaded; stale edits, double clicks, long text and names handled."""

import io

import docx
import pytest

from pathfinder.core import audit
from pathfinder.core.models import AuditEvent
from pathfinder.learning.forms import field_name, initial
from pathfinder.learning.models import LearningReport
from pathfinder.planning.models import Meeting
from pathfinder.planning.tests.conftest import make_action, pdf_text
from pathfinder.programmes.services import add_finding
from pathfinder.testing.factories import MembershipFactory


@pytest.fixture
def records(world):
    add_finding(
        programme=world.programme,
        theme="wellbeing",
        kind="barrier",
        text="Supervision is cancelled when the service is busy.",
        by=world.lead,
    )
    add_finding(
        programme=world.programme,
        theme="policies",
        kind="priority",
        text="Stop asking people to retell their story at every assessment.",
        by=world.lead,
    )
    make_action(world, title="Protect reflective practice", status="done")
    Meeting.objects.create(
        programme=world.programme, held_on="2026-10-06", decisions="Meet monthly, on the first Tuesday."
    )


def _start(as_user, world):
    response = as_user(world.lead).post(f"/programmes/{world.programme.pk}/learning-report/new/", {"from": "records"})
    assert response.status_code == 302
    return LearningReport.objects.get(programme=world.programme, status="draft")


def _form(report, **changes) -> dict:
    data = {key: value for key, value in initial(report).items()}
    data.update(changes)
    return data


def test_a_draft_is_drawn_from_the_records(world, as_user, records):
    report = _start(as_user, world)
    assert report.number == 1
    assert "Supervision is cancelled" in report.sections["wellbeing"]["challenges"]
    assert "Done: Protect reflective practice." in report.sections["wellbeing"]["enablers"]
    assert "retell their story" in report.sections["policies"]["recommendations"]
    assert "6 October 2026: Meet monthly" in report.introduction
    page = as_user(world.lead).get(f"/learning-reports/{report.pk}/").page
    assert "Supervision is cancelled when the service is busy." in page.text()
    assert "Bob" not in page.text() and "Alice" not in page.text().split("Sign out")[-1]


def test_a_second_click_does_not_start_a_second_draft(world, as_user, records):
    first = _start(as_user, world)
    as_user(world.lead).post(f"/programmes/{world.programme.pk}/learning-report/new/", {"from": "records"})
    assert list(LearningReport.objects.values_list("pk", flat=True)) == [first.pk]


def test_drafts_are_the_leads_until_published(world, as_user, records):
    report = _start(as_user, world)
    for path in (
        f"/learning-reports/{report.pk}/",
        f"/learning-reports/{report.pk}/edit/",
        f"/learning-reports/{report.pk}.pdf",
    ):
        assert as_user(world.viewer).get(path).status_code == 403
        assert as_user(world.outsider).get(path).status_code == 404
    assert "Draft" not in as_user(world.viewer).get(f"/programmes/{world.programme.pk}/learning-report/").page.text()
    assert as_user(world.viewer).post(f"/programmes/{world.programme.pk}/learning-report/new/").status_code == 403


def test_rewording_saves_and_long_text_is_refused_keeping_it(world, as_user, records):
    report = _start(as_user, world)
    client = as_user(world.lead)
    box = field_name("wellbeing", "enablers")
    too_long = "x" * 100_000
    response = client.post(f"/learning-reports/{report.pk}/edit/", _form(report, **{box: too_long}))
    assert response.page.title.startswith("Error: ")
    assert response.page.form_data()[box] == too_long
    report.refresh_from_db()
    assert report.version == 1
    response = client.post(f"/learning-reports/{report.pk}/edit/", _form(report, **{box: "- Managers check in."}))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.sections["wellbeing"]["enablers"] == "- Managers check in."
    assert AuditEvent.objects.filter(kind="learning.report_changed").count() == 1


def test_a_stale_save_keeps_both_peoples_words(world, as_user, records):
    report = _start(as_user, world)
    client = as_user(world.lead)
    opened = client.get(f"/learning-reports/{report.pk}/edit/").page.form_data()
    first = field_name("wellbeing", "challenges")
    second = field_name("policies", "challenges")
    assert client.post(f"/learning-reports/{report.pk}/edit/", {**opened, first: "- Theirs."}).status_code == 302
    response = client.post(f"/learning-reports/{report.pk}/edit/", {**opened, second: "- Mine."})
    assert response.status_code == 200
    assert "Someone else saved this draft" in response.page.text()
    data = response.page.form_data()
    assert data[first] == "- Theirs." and data[second] == "- Mine."
    report.refresh_from_db()
    assert report.sections["policies"]["challenges"] == ""


def test_publishing_asks_first_then_freezes_the_version(world, as_user, records):
    report = _start(as_user, world)
    client = as_user(world.lead)
    url = f"/learning-reports/{report.pk}/publish/"
    assert "cannot be changed" in client.get(url).page.text()
    client.post(url, {"version": report.version})  # no confirmation: asked again
    report.refresh_from_db()
    assert report.is_draft
    client.post(url, {"version": report.version, "confirmed": "yes"})
    report.refresh_from_db()
    assert not report.is_draft and report.published_by == world.lead
    assert client.get(f"/learning-reports/{report.pk}/edit/").status_code == 404
    assert client.post(url, {"version": report.version, "confirmed": "yes"}).status_code == 404


def test_publishing_warns_of_possible_names(world, as_user, records):
    report = _start(as_user, world)
    client = as_user(world.lead)
    box = field_name("leadership", "enablers")
    client.post(f"/learning-reports/{report.pk}/edit/", _form(report, **{box: "- Sarah Jones said managers listen."}))
    text = client.get(f"/learning-reports/{report.pk}/publish/").page.text()
    assert "may be people’s names: Sarah Jones." in text


def test_everyone_reads_and_downloads_a_published_version(world, as_user, records):
    report = _start(as_user, world)
    as_user(world.lead).post(f"/learning-reports/{report.pk}/publish/", {"version": report.version, "confirmed": "yes"})
    viewer = as_user(world.viewer)
    assert "Version 1" in viewer.get(f"/programmes/{world.programme.pk}/learning-report/").page.text()
    pdf = viewer.get(f"/learning-reports/{report.pk}.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Workforce care, support and wellbeing" in text
    assert "Supervision is cancelled when the service is busy." in text
    assert "Nothing recorded for this theme yet." in text
    word = viewer.get(f"/learning-reports/{report.pk}.docx")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    assert "Stop asking people to retell their story at every assessment." in paragraphs
    assert AuditEvent.objects.filter(kind=audit.Kind.EXPORT, detail__what="learning report").count() == 2
    assert viewer.get(f"/learning-reports/{report.pk}.txt").status_code == 404
    staff = MembershipFactory(service=world.service, role="staff").user
    page = as_user(staff).get(f"/learning-reports/{report.pk}/").page
    assert "Supervision is cancelled" in page.text() and not page.css("main a[href$='.pdf']")
    assert as_user(staff).get(f"/learning-reports/{report.pk}.pdf").status_code == 403


def test_a_new_version_can_start_from_the_last_wording(world, as_user, records):
    report = _start(as_user, world)
    client = as_user(world.lead)
    box = field_name("wellbeing", "enablers")
    client.post(f"/learning-reports/{report.pk}/edit/", _form(report, **{box: "- Reworded."}))
    client.post(f"/learning-reports/{report.pk}/publish/", {"version": 2, "confirmed": "yes"})
    client.post(f"/programmes/{world.programme.pk}/learning-report/new/", {"from": "1"})
    second = LearningReport.objects.get(status="draft")
    assert second.number == 2 and second.sections["wellbeing"]["enablers"] == "- Reworded."
    assert client.post(f"/programmes/{world.programme.pk}/learning-report/new/", {"from": "9"}).status_code == 404


def test_the_dashboard_leads_to_the_report(world, as_user):
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page
    assert f"/programmes/{world.programme.pk}/learning-report/" in [a.get("href") for a in page.css("main a")]


def test_query_counts_do_not_grow_with_records(world, as_user, records, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = _start(as_user, world)
    client = as_user(world.lead)
    paths = [
        f"/programmes/{world.programme.pk}/learning-report/",
        f"/learning-reports/{report.pk}/",
        f"/learning-reports/{report.pk}/edit/",
    ]

    def counts():
        found = []
        for path in paths:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            found.append(len(captured))
        return found

    before = counts()
    for number in range(20):
        add_finding(programme=world.programme, theme="culture", kind="idea", text=f"Idea {number}", by=world.lead)
        make_action(world, title=f"Action {number}")
    assert counts() == before
