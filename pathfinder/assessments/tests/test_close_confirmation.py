"""Closing ratings and closing the round ask first, on a page that says what
will happen; a POST without the confirmation changes nothing."""

from pathfinder.assessments.models import AssessmentRound


def test_closing_ratings_asks_first(open_round, world, as_user):
    client = as_user(world.lead)
    page = client.get(f"/assessment-rounds/{open_round.pk}/close-ratings/").page
    assert page.title.startswith("Close ratings?")
    assert "What cannot be undone" in page.text()
    response = client.post(f"/assessment-rounds/{open_round.pk}/move/", {"action": "consensus", "version": "1"})
    assert response.status_code == 200 and "Nothing has been changed yet" in response.page.text()
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.OPEN
    response = client.post(f"/assessment-rounds/{open_round.pk}/close-ratings/", {"version": "1", "confirmed": "yes"})
    assert response.status_code == 302
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CONSENSUS


def test_closing_the_round_asks_first(open_round, world, as_user):
    client = as_user(world.lead)
    client.post(f"/assessment-rounds/{open_round.pk}/close-ratings/", {"version": "1", "confirmed": "yes"})
    page = client.get(f"/assessment-rounds/{open_round.pk}/close/").page
    assert page.title.startswith("Close the round?")
    assert client.post(f"/assessment-rounds/{open_round.pk}/close/", {"version": "2"}).status_code == 200
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CONSENSUS
    client.post(f"/assessment-rounds/{open_round.pk}/close/", {"version": "2", "confirmed": "yes"})
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CLOSED


def test_only_the_lead_may_close(open_round, world, as_user):
    assert as_user(world.viewer).get(f"/assessment-rounds/{open_round.pk}/close-ratings/").status_code == 403
    assert as_user(world.outsider).get(f"/assessment-rounds/{open_round.pk}/close/").status_code == 404
