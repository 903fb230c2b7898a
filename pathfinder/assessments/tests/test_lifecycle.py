"""Opening, closing and reopening rounds; raters who leave keep their answers."""

from pathfinder.assessments import services
from pathfinder.assessments.models import AssessmentRound, Rater, Rating
from pathfinder.assessments.tests.conftest import agree_all, answer_all
from pathfinder.core import services as core_services
from pathfinder.core.models import AuditEvent


def test_the_lead_opens_a_baseline_with_the_raters_they_choose(world, builtin, as_user):
    client = as_user(world.lead)
    page = client.get(f"/programmes/{world.programme.pk}/assessment/new/").page
    assert page.css("input[name=title]")[0].get("value") == "Baseline assessment"
    response = client.post(
        f"/programmes/{world.programme.pk}/assessment/new/",
        {
            "title": "Baseline",
            "kind": "baseline",
            "instrument_version": str(builtin.pk),
            "raters": [str(world.member.pk)],
        },
    )
    round_ = AssessmentRound.objects.get()
    assert response["Location"] == f"/assessment-rounds/{round_.pk}/"
    assert list(Rater.objects.values_list("user", flat=True)) == [world.member.pk]
    assert round_.instrument_version == builtin
    assert AuditEvent.objects.filter(kind="assessment.opened", actor=world.lead).exists()


def test_opening_without_raters_explains_and_keeps_the_title(world, builtin, as_user):
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/assessment/new/",
        {"title": "My round", "kind": "baseline", "instrument_version": str(builtin.pk)},
    )
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.css("input[name=title]")[0].get("value") == "My round"
    assert not AssessmentRound.objects.exists()


def test_raters_who_leave_keep_their_answers_in_closed_rounds(open_round, world):
    answer_all(open_round, world.member, 3)
    services.start_consensus(open_round, version=1, by=world.lead)
    agree_all(open_round, world.lead, lambda item: 3)
    services.close_round(open_round, version=2, by=world.lead)
    membership = world.memberships.member
    core_services.end_membership(membership, version=membership.version, by=world.lead)
    world.member.disable(by=world.admin)
    assert Rating.objects.filter(rater__user=world.member, rater__round=open_round).count() == 56


def test_only_the_lead_reopens_and_it_is_recorded(open_round, world, as_user):
    services.start_consensus(open_round, version=1, by=world.lead)
    services.close_round(open_round, version=2, by=world.lead)
    assert (
        as_user(world.member)
        .post(f"/assessment-rounds/{open_round.pk}/reopen/", {"version": 3, "reason": "x"})
        .status_code
        == 403
    )
    response = as_user(world.lead).post(
        f"/assessment-rounds/{open_round.pk}/reopen/", {"version": 3, "reason": "One score was typed wrongly"}
    )
    assert response.status_code == 302
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CONSENSUS
    event = AuditEvent.objects.get(kind="assessment.reopened")
    assert event.actor == world.lead and event.detail == {"reason": "One score was typed wrongly"}


def test_moving_a_round_from_a_stale_page_does_nothing(open_round, world, as_user):
    client = as_user(world.lead)
    client.post(
        f"/assessment-rounds/{open_round.pk}/move/", {"action": "consensus", "version": "1", "confirmed": "yes"}
    )
    response = client.post(
        f"/assessment-rounds/{open_round.pk}/move/", {"action": "close", "version": "1", "confirmed": "yes"}
    )
    assert response.status_code == 302
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CONSENSUS
