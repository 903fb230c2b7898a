"""Raters are e-mailed when a round opens and reminded before it closes: by
an idempotent daily command, or when the lead presses the button."""

import io
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from pathfinder.assessments import services
from pathfinder.assessments.models import AssessmentRound
from pathfinder.assessments.tests.conftest import answer_all
from pathfinder.core.models import AuditEvent


def opened(world, builtin, third_rater, rate_by=None, capture=None):
    with capture(execute=True):
        return services.open_round(
            programme=world.programme,
            instrument_version=builtin,
            kind="baseline",
            title="Baseline 2026",
            raters=[world.lead, world.member, third_rater],
            rate_by=rate_by,
            by=world.lead,
        )


def run_command():
    call_command("assessment_reminders", stdout=io.StringIO())


def to(messages):
    return sorted(address for message in messages for address in message.to)


def test_raters_are_emailed_when_the_round_opens(world, builtin, third_rater, django_capture_on_commit_callbacks):
    round_ = opened(world, builtin, third_rater, capture=django_capture_on_commit_callbacks)
    assert to(mail.outbox) == sorted([world.lead.email, world.member.email, third_rater.email])
    body = mail.outbox[0].body
    assert f"/assessment-rounds/{round_.pk}/" in body
    assert "not anonymous" in body
    assert mail.outbox[0].subject == "Please rate: Baseline 2026"
    run_command()
    assert len(mail.outbox) == 3  # nobody is invited twice


def test_the_opening_page_emails_the_raters(world, builtin, as_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        as_user(world.lead).post(
            f"/programmes/{world.programme.pk}/assessment/new/",
            {
                "title": "Baseline",
                "kind": "baseline",
                "instrument_version": str(builtin.pk),
                "raters": [str(world.member.pk)],
            },
        )
    assert to(mail.outbox) == [world.member.email]


def test_the_command_reminds_each_person_once_shortly_before_rate_by(
    world, builtin, third_rater, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    round_ = opened(
        world, builtin, third_rater, rate_by=today + timedelta(days=10), capture=django_capture_on_commit_callbacks
    )
    answer_all(round_, world.member, 3)
    mail.outbox.clear()
    run_command()
    assert mail.outbox == []  # not due yet
    AssessmentRound.objects.filter(pk=round_.pk).update(rate_by=today + timedelta(days=2))
    run_command()
    assert to(mail.outbox) == sorted([world.lead.email, third_rater.email])  # not Bob: he submitted
    assert "reminder" in mail.outbox[0].subject.lower()
    run_command()
    assert len(mail.outbox) == 2
    assert AuditEvent.objects.filter(kind="assessment.raters_reminded").count() == 1


def test_closed_rounds_and_people_who_left_get_nothing(world, builtin, third_rater, django_capture_on_commit_callbacks):
    from pathfinder.core.models import Membership

    today = timezone.localdate()
    round_ = opened(
        world, builtin, third_rater, rate_by=today + timedelta(days=1), capture=django_capture_on_commit_callbacks
    )
    mail.outbox.clear()
    Membership.objects.filter(user=third_rater).update(is_active=False)
    run_command()
    assert to(mail.outbox) == sorted([world.lead.email, world.member.email])
    mail.outbox.clear()
    services.start_consensus(round_, version=round_.version, by=world.lead)
    round_.refresh_from_db()
    assert services.remind_raters(round_) == 0 and mail.outbox == []


def test_the_lead_sends_a_reminder_from_the_round_page(
    world, builtin, third_rater, as_user, django_capture_on_commit_callbacks
):
    round_ = opened(world, builtin, third_rater, capture=django_capture_on_commit_callbacks)
    answer_all(round_, third_rater, 3)
    mail.outbox.clear()
    client = as_user(world.lead)
    page = client.get(f"/assessment-rounds/{round_.pk}/").page
    assert page.css(f"form[action='/assessment-rounds/{round_.pk}/remind/']")
    response = client.post(f"/assessment-rounds/{round_.pk}/remind/", follow=True)
    assert "A reminder has been e-mailed to 2 people" in response.page.text()
    assert to(mail.outbox) == sorted([world.lead.email, world.member.email])


def test_only_the_lead_sends_reminders(world, builtin, third_rater, as_user, django_capture_on_commit_callbacks):
    round_ = opened(world, builtin, third_rater, capture=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert as_user(world.member).post(f"/assessment-rounds/{round_.pk}/remind/").status_code == 403
    assert as_user(world.outsider).post(f"/assessment-rounds/{round_.pk}/remind/").status_code == 404
    assert mail.outbox == []


def test_loading_the_demo_sends_no_email(db, django_capture_on_commit_callbacks):
    from pathfinder.core import demo

    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    assert mail.outbox == []
