"""Senior managers answer the decisions the plan needs (on actions and from
group meetings) and sign off a version of the progress report; the report
shows what was decided. Evaluators read it all but record nothing."""

from datetime import date

from pathfinder.core.models import AuditEvent
from pathfinder.core.roles import Role
from pathfinder.planning.models import Decision, ProgressReport
from pathfinder.planning.services import group as group_services
from pathfinder.planning.tests.conftest import make_action, pdf_text
from pathfinder.testing.factories import MembershipFactory


def senior(world):
    return MembershipFactory(service=world.service, role=Role.SENIOR_MANAGER, user__full_name="Sue Senior").user


def test_it_lets_a_senior_manager_record_a_decision_on_an_action(world, as_user):
    action = make_action(world, title="Protect training time", decision_needed="Release two days a year per person.")
    manager = as_user(senior(world))
    listing = manager.get(f"/programmes/{world.programme.pk}/plan/decisions/").page
    assert "Release two days a year per person." in listing.css(f"#action-{action.pk}")[0].text_content()
    form = manager.get(f"/programmes/{world.programme.pk}/plan/decisions/record/?about=action-{action.pk}").page
    assert "Release two days a year per person." in form.text()

    address = f"/programmes/{world.programme.pk}/plan/decisions/record/"
    empty = manager.post(address, {"about": f"action-{action.pk}", "decision": ""})
    assert empty.page.title.startswith("Error: ")
    done = manager.post(address, {"about": f"action-{action.pk}", "decision": "Agreed from April."})
    assert done.status_code == 302
    decision = Decision.objects.get()
    assert (decision.action, decision.needed, decision.decision) == (
        action,
        "Release two days a year per person.",
        "Agreed from April.",
    )
    history = " ".join(manager.get(f"/actions/{action.pk}/").page.text().split())
    assert "Decision from senior management · Sue Senior" in history and "Decided: Agreed from April." in history
    assert AuditEvent.objects.filter(kind="plan.decision_recorded").count() == 1
    # Answered once: the same question is no longer waiting.
    report = manager.get(f"/programmes/{world.programme.pk}/plan/report/").page
    assert "Decisions waiting 0" in report.text()


def test_it_answers_a_line_from_a_group_meeting(world, as_user):
    meeting = group_services.record_meeting(
        programme=world.programme,
        by=world.lead,
        held_on=date(2026, 11, 10),
        decisions_needed="Protected training time\nA room for the group",
    )
    manager = as_user(senior(world))
    address = f"/programmes/{world.programme.pk}/plan/decisions/record/"
    assert (
        manager.post(address, {"about": f"meeting-{meeting.pk}-1", "decision": "Room 4 on Tuesdays."}).status_code
        == 302
    )
    assert Decision.objects.get().needed == "A room for the group"
    pdf = pdf_text(as_user(world.lead).get(f"/programmes/{world.programme.pk}/plan/report.pdf").content)
    assert "From the group meeting on 10 November 2026: Protected training time" in pdf
    assert "A room for the group Decided: Room 4 on Tuesdays. (Sue Senior" in pdf


def test_the_evaluator_and_group_member_cannot_record_decisions_or_sign_off(world, as_user):
    action = make_action(world, decision_needed="Agree funding.")
    as_user(world.lead).get(f"/programmes/{world.programme.pk}/plan/report.pdf")
    report = ProgressReport.objects.get()
    for user in (world.viewer, world.member):
        client = as_user(user)
        assert "Record the decision" not in client.get(f"/programmes/{world.programme.pk}/plan/decisions/").page.text()
        posted = {"about": f"action-{action.pk}", "decision": "Yes"}
        assert client.post(f"/programmes/{world.programme.pk}/plan/decisions/record/", posted).status_code == 403
        assert client.post(f"/progress-reports/{report.pk}/sign-off/", {"note": ""}).status_code == 403
    assert not Decision.objects.exists()
    assert not ProgressReport.objects.get().is_signed_off


def test_it_lets_a_senior_manager_sign_off_a_version_once(world, as_user):
    make_action(world)
    as_user(world.lead).get(f"/programmes/{world.programme.pk}/plan/report.pdf")
    report = ProgressReport.objects.get()
    manager = as_user(senior(world))
    page = manager.get(f"/programmes/{world.programme.pk}/plan/report/").page
    assert page.css(f"a[href='/progress-reports/{report.pk}/sign-off/']")
    confirm = manager.get(f"/progress-reports/{report.pk}/sign-off/").page
    assert "cannot be taken back" in confirm.text()
    assert manager.post(f"/progress-reports/{report.pk}/sign-off/", {"note": "Good progress."}).status_code == 302
    report.refresh_from_db()
    assert report.is_signed_off and report.signed_off_by.full_name == "Sue Senior"
    assert "By Sue Senior on" in manager.get(f"/programmes/{world.programme.pk}/plan/report/").page.text()
    again = manager.post(f"/progress-reports/{report.pk}/sign-off/", {"note": "Again"}, follow=True)
    assert "already been signed off" in again.content.decode()
    report.refresh_from_db()
    assert report.sign_off_note == "Good progress."
