"""Raters answer privately, section by section, and can save and come back."""

from pathfinder.assessments.models import Rating


def section_url(round_, key="culture"):
    return f"/assessment-rounds/{round_.pk}/rate/{key}/"


def test_a_rater_saves_a_section_and_comes_back_to_it(open_round, world, as_user):
    client = as_user(world.member)
    page = client.get(section_url(open_round)).page
    assert page.title.startswith("Organisational culture")
    response = client.post(
        section_url(open_round),
        {
            "version": 1,
            "value_1": "3",
            "evidence_1": "Team meeting notes mention the principles.",
            "value_2": "dont_know",
            "later": "1",
        },
    )
    assert response.status_code == 302
    ratings = {rating.item_code: rating for rating in Rating.objects.filter(rater__user=world.member)}
    assert ratings["culture.principles-in-decisions"].value == 3
    assert ratings["culture.principles-in-decisions"].evidence == "Team meeting notes mention the principles."
    assert len(ratings) == 2 and list(ratings.values())[1].value is None
    again = client.get(section_url(open_round)).page
    assert again.css("input[name=value_1][value='3']")[0].get("checked") is not None
    assert again.css("#id_evidence_1")[0].text == "Team meeting notes mention the principles."


def test_save_and_continue_goes_to_the_next_theme_then_to_check(open_round, world, as_user):
    client = as_user(world.member)
    assert client.post(section_url(open_round), {"version": 1})["Location"].endswith("/rate/leadership/")
    last = open_round.instrument_version.parsed.sections[-1].key
    response = client.post(section_url(open_round, last), {"version": 2})
    assert response["Location"] == f"/assessment-rounds/{open_round.pk}/rate/check/"


def test_a_save_from_another_window_is_not_overwritten(open_round, world, as_user):
    client = as_user(world.member)
    client.post(section_url(open_round), {"version": 1, "value_1": "4"})
    response = client.post(section_url(open_round), {"version": 1, "value_1": "1"})
    assert response.status_code == 200
    assert "from another window or device" in response.page.text()
    assert Rating.objects.get(rater__user=world.member, item_code="culture.principles-in-decisions").value == 4
    assert response.page.css("input[name=value_1][value='1']")[0].get("checked") is not None


def test_a_person_who_was_not_asked_cannot_rate(open_round, world, as_user):
    assert as_user(world.viewer).get(section_url(open_round)).status_code == 403
    assert as_user(world.outsider).get(section_url(open_round)).status_code == 404


def test_nobody_sees_anyone_elses_answers_while_the_round_is_open(open_round, world, as_user):
    as_user(world.member).post(
        section_url(open_round), {"version": 1, "value_1": "5", "evidence_1": "Bob's private note"}
    )
    lead = as_user(world.lead)
    assert "Bob's private note" not in lead.get(section_url(open_round)).page.text()
    assert lead.get(f"/assessment-rounds/{open_round.pk}/results/").status_code == 404
    assert lead.get(f"/assessment-rounds/{open_round.pk}/agree/culture/").status_code == 302


def test_submitting_marks_the_rater_done(open_round, world, as_user):
    client = as_user(world.member)
    response = client.post(f"/assessment-rounds/{open_round.pk}/rate/check/", {"version": 1})
    assert response.status_code == 302
    assert open_round.raters.get(user=world.member).submitted_at is not None
    assert "You submitted your answers" in client.get(f"/assessment-rounds/{open_round.pk}/").page.text()


def test_an_unknown_theme_is_not_found(open_round, world, as_user):
    assert as_user(world.member).get(section_url(open_round, "nonsense")).status_code == 404
