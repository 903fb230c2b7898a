"""The lead sees how people rated each item and records the agreed score."""

from pathfinder.assessments import services
from pathfinder.assessments.models import AgreedScore, AssessmentRound
from pathfinder.assessments.tests.conftest import answer_all


def to_consensus(round_, world):
    services.start_consensus(round_, version=round_.version, by=world.lead)
    round_.refresh_from_db()


def agree_url(round_, key="culture"):
    return f"/assessment-rounds/{round_.pk}/agree/{key}/"


def test_it_hides_names_and_notes_when_fewer_than_three_others_answered(open_round, world, third_rater, as_user):
    # The lead is one of three submitters: only two others, so nothing is shown.
    answer_all(open_round, world.lead, 2)
    answer_all(open_round, world.member, 5, evidence="A note from Bob")
    answer_all(open_round, third_rater, None)  # don't know throughout
    to_consensus(open_round, world)
    page = as_user(world.lead).get(agree_url(open_round)).page
    text = page.text()
    assert "gave a score" not in text
    assert "Who said what" not in text
    assert "A note from Bob" not in text


def test_the_lead_records_agreed_scores_and_reasons(open_round, world, as_user):
    to_consensus(open_round, world)
    response = as_user(world.lead).post(
        agree_url(open_round),
        {"agreed_1": "3", "why_1": "Meeting notes show it", "agreed_2": "not_scored", "stay": "1"},
    )
    assert response.status_code == 302
    scores = {score.item_code: score for score in AgreedScore.objects.filter(round=open_round)}
    assert scores["culture.principles-in-decisions"].value == 3
    assert scores["culture.principles-in-decisions"].rationale == "Meeting notes show it"
    assert list(scores.values())[1].value is None
    assert len(scores) == 2


def test_two_people_agreeing_at_once_do_not_overwrite_each_other(open_round, world, as_user):
    to_consensus(open_round, world)
    client = as_user(world.lead)
    client.post(agree_url(open_round), {"agreed_1": "4", "version_1": "0", "stay": "1"})
    # A second page, opened before that save, tries to record a different score.
    response = client.post(agree_url(open_round), {"agreed_1": "2", "version_1": "0", "why_1": "Our view", "stay": "1"})
    assert response.status_code == 200
    text = response.page.text()
    assert "Someone else agreed scores for this section" in text
    assert "is now In place across the service" in text
    assert AgreedScore.objects.get(round=open_round, item_code="culture.principles-in-decisions").value == 4
    assert response.page.css("#id_why_1")[0].text == "Our view"


def test_scores_cannot_be_agreed_while_people_are_still_rating(open_round, world, as_user):
    response = as_user(world.lead).post(agree_url(open_round), {"agreed_1": "3"})
    assert response.status_code == 302
    assert not AgreedScore.objects.exists()


def test_only_the_lead_runs_the_consensus(open_round, world, as_user):
    to_consensus(open_round, world)
    assert as_user(world.member).get(agree_url(open_round)).status_code == 403
    assert as_user(world.outsider).get(agree_url(open_round)).status_code == 404


def test_closing_ratings_stops_further_rating(open_round, world, as_user):
    client = as_user(world.lead)
    client.post(
        f"/assessment-rounds/{open_round.pk}/move/", {"action": "consensus", "version": "1", "confirmed": "yes"}
    )
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CONSENSUS
    response = as_user(world.member).post(
        f"/assessment-rounds/{open_round.pk}/rate/culture/", {"version": 1, "value_1": "5"}
    )
    assert response.status_code == 302
    assert not open_round.raters.get(user=world.member).ratings.exists()
