"""Rating a MAT standard: the rating, its evidence, who and why; never without evidence."""

from pathfinder.evidence.models import MatStandardRating
from pathfinder.evidence.tests.mat import days_ago, form


def url(world, number=6):
    return f"/programmes/{world.programme.pk}/mat-standards/{number}/rate/"


def test_it_records_a_rating_with_who_and_why(world, as_user):
    client = as_user(world.member)
    response = client.post(url(world), form(numerical_evidence="18 of 24 staff trained (75%).", rating="green"))
    assert response.status_code == 302
    rating = MatStandardRating.objects.get()
    assert (rating.standard, rating.rating, rating.rated_by) == (6, "green", world.member)
    assert rating.numerical_evidence == "18 of 24 staff trained (75%)."
    assert rating.reason == "Two teams of three use the pathway."
    assert rating.rated_on == days_ago(1)


def test_it_refuses_a_rating_without_evidence_and_keeps_what_was_typed(world, as_user):
    client = as_user(world.member)
    response = client.post(url(world), form(reason="We think it is going well."))
    assert response.status_code == 200
    assert not MatStandardRating.objects.exists()
    assert response.page.title.startswith("Error: ")
    summary = " ".join(response.page.error_summary())
    for name in ("process evidence", "numerical evidence", "experiential evidence"):
        assert name in summary
    assert "We think it is going well." in response.content.decode()


def test_it_treats_blank_evidence_as_none(world, as_user):
    response = as_user(world.member).post(url(world), form(process_evidence="   ", experiential_evidence="\n"))
    assert response.status_code == 200
    assert not MatStandardRating.objects.exists()


def test_it_refuses_a_date_in_the_future(world, as_user):
    response = as_user(world.member).post(
        url(world), form(rated_on=days_ago(-2).isoformat(), process_evidence="A pathway.")
    )
    assert response.status_code == 200
    assert not MatStandardRating.objects.exists()
    assert response.page.title.startswith("Error: ")


def test_it_adds_a_new_rating_each_time(world, as_user):
    client = as_user(world.member)
    client.post(url(world), form(process_evidence="A pathway.", rating="red"))
    as_user(world.lead).post(url(world), form(process_evidence="A pathway.", rating="amber"))
    assert MatStandardRating.objects.count() == 2


def test_it_answers_404_for_a_standard_that_does_not_exist(world, as_user):
    assert as_user(world.lead).get(url(world, 11)).status_code == 404
    assert as_user(world.lead).get(url(world, 0)).status_code == 404


def test_it_keeps_other_programmes_ratings_apart(world, as_user):
    response = as_user(world.outsider).post(url(world), form(process_evidence="A pathway."))
    assert response.status_code == 404
    assert not MatStandardRating.objects.exists()


def test_it_does_not_call_each_evidence_stream_optional(world, as_user):
    page = as_user(world.member).get(url(world)).page
    labels = {label.get("for"): " ".join(label.text_content().split()) for label in page.css("label")}
    assert labels["id_process_evidence"] == "Process evidence"
    assert labels["id_experiential_evidence"] == "Experiential evidence"
