"""The progress report for senior management, as PDF and Word: status by
theme, done since the last report, overdue actions, decisions needed, the
budget, and for each action the findings behind it."""

import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import docx
from django.utils import timezone

from pathfinder.planning.models import ProgressReport
from pathfinder.planning.services import actions as services
from pathfinder.planning.services import group as group_services
from pathfinder.planning.tests.conftest import make_action, pdf_text
from pathfinder.testing.factories import FindingFactory


def report_url(world, fmt):
    return f"/programmes/{world.programme.pk}/plan/report.{fmt}"


def test_the_pdf_says_why_each_action_exists(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    barrier = FindingFactory(
        programme=world.programme, theme="service_design", text="People wait months for psychology."
    )
    make_action(
        world,
        title="Review abstinence criteria",
        theme="service_design",
        findings=[barrier],
        decision_needed="Agree a joint review with the mental health team.",
        direct_cost=Decimal("250"),
    )
    make_action(world, title="Share the assessment", starts_on=None, due_on=date(2026, 11, 1))
    done = make_action(world, title="Add e-learning to induction", theme="skills")
    services.add_update(done, version=done.version, by=world.member, text="Done", status="done")
    group_services.record_meeting(
        programme=world.programme, by=world.lead, held_on=date(2026, 11, 10), decisions_needed="Protected training time"
    )

    response = as_user(world.viewer).get(report_url(world, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Progress report for senior management" in text
    assert "Status by theme" in text and "Of 3 actions, 1 is done" in text
    assert "Done since the plan began" in text and "Add e-learning to induction" in text
    assert "Overdue actions" in text and "Share the assessment" in text
    assert "Review abstinence criteria: Agree a joint review with the mental health team." in text
    assert "From the group meeting on 10 November 2026: Protected training time" in text
    assert "Direct costs across the plan: £250.00" in text
    assert "Review abstinence criteria" in text and "People wait months for psychology." in text
    assert "No findings are linked to this action yet." in text
    assert ProgressReport.objects.get().format == "pdf"


def test_the_word_version_holds_the_same(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    finding = FindingFactory(programme=world.programme, text="Staff value reflective practice.")
    make_action(world, findings=[finding])
    response = as_user(world.lead).get(report_url(world, "docx"))
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Each action and why it exists" in text
    assert "Staff value reflective practice." in text


def test_done_since_the_last_report_starts_from_the_last_report_day(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    earlier = make_action(world, title="Finished long ago")
    services.add_update(earlier, version=earlier.version, by=world.member, text="Done", status="done")
    type(earlier).objects.filter(pk=earlier.pk).update(done_at=timezone.now() - timedelta(days=40))
    recent = make_action(world, title="Finished this week")
    services.add_update(recent, version=recent.version, by=world.member, text="Done", status="done")
    ProgressReport.objects.create(
        programme=world.programme, format="pdf", generated_at=timezone.make_aware(datetime(2026, 11, 1, 10, 0))
    )
    client = as_user(world.lead)
    assert (
        "since the last report on 1 November 2026"
        in client.get(f"/programmes/{world.programme.pk}/plan/report/").page.text()
    )
    text = pdf_text(client.get(report_url(world, "pdf")).content)
    assert "Done since the last report on 1 November 2026" in text
    assert "Finished this week (" in text and "Finished long ago (" not in text
    # Downloading again the same day says the same.
    assert "Done since the last report on 1 November 2026" in pdf_text(client.get(report_url(world, "pdf")).content)


def test_downloads_need_the_export_permission(world, as_user, client):
    from pathfinder.testing.factories import MembershipFactory

    staff = MembershipFactory(service=world.service, role="staff").user
    assert as_user(staff).get(report_url(world, "pdf")).status_code == 403
    assert as_user(world.outsider).get(report_url(world, "pdf")).status_code == 404
    assert as_user(world.lead).get(report_url(world, "html")).status_code == 404


def test_a_plan_with_no_actions_still_has_a_report(world, as_user):
    for fmt in ("pdf", "docx"):
        assert as_user(world.lead).get(report_url(world, fmt)).status_code == 200
    assert "The plan has no actions yet." in pdf_text(as_user(world.lead).get(report_url(world, "pdf")).content)
