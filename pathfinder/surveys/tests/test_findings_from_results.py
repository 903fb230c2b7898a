"""Survey results can become findings, quoting only a figure the results page
shows for everyone (through the disclosure gate), never a comment."""

from pathfinder.programmes.models import Finding
from pathfinder.surveys.tests.conftest import close, respond
from pathfinder.surveys.views_findings import released_figures


def answers(confident=4, comment=""):
    given = {"about.role": "practitioner", "confidence.trauma_concept": confident, "confidence.applying": 3}
    return given | ({"needs.comments": comment} if comment else {})


def url(survey):
    return f"/surveys/{survey.pk}/findings/new/"


def a_closed_survey(make_survey, world, count=12, comment=""):
    survey = make_survey()
    respond(survey, [answers(comment=comment)] * count)
    close(survey, world)
    return survey


def test_the_results_page_links_to_it(make_survey, world, as_user):
    survey = a_closed_survey(make_survey, world)
    assert as_user(world.member).get(f"/surveys/{survey.pk}/results/").page.css(f"a[href='{url(survey)}']")
    assert not as_user(world.viewer).get(f"/surveys/{survey.pk}/results/").page.css(f"a[href='{url(survey)}']")


def test_a_released_figure_becomes_a_finding_with_its_source(make_survey, world, as_user):
    survey = a_closed_survey(make_survey, world)
    client = as_user(world.member)
    page = client.get(url(survey)).page
    choices = {radio.get("value"): radio for radio in page.css("input[name=figure]")}
    assert "confidence.applying|mean" in choices
    response = client.post(
        url(survey),
        {
            "figure": "confidence.applying|mean",
            "text": "Confidence in applying the principles is middling.",
            "theme": "skills",
            "kind": "gap",
            "principles": ["trust", "choice"],
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.text.startswith("Confidence in applying the principles is middling. (The average answer to")
    assert "was 3.0" in finding.text
    assert (finding.source_type, finding.source_label) == ("survey", f"Survey: {survey.title}")
    assert finding.source_id == f"{survey.pk}:confidence.applying|mean"
    assert finding.principles == ["trust", "choice"]
    listed = client.get(f"/programmes/{world.programme.pk}/findings/").page
    assert listed.css(f"a[href='/surveys/{survey.pk}/results/']")


def test_a_figure_the_page_does_not_show_cannot_be_quoted(make_survey, world, as_user):
    survey = a_closed_survey(make_survey, world)
    response = as_user(world.member).post(
        url(survey),
        {"figure": "needs.comments|row|0", "text": "x", "theme": "skills", "kind": "gap"},
    )
    assert response.status_code == 200
    assert not Finding.objects.exists()


def test_comments_are_never_offered(make_survey, world, as_user):
    survey = a_closed_survey(make_survey, world, comment="I am thinking of leaving")
    text = as_user(world.member).get(url(survey)).page.text()
    assert "thinking of leaving" not in text


def test_nothing_is_offered_from_too_few_people(make_survey, world, as_user):
    survey = a_closed_survey(make_survey, world, count=9)
    page = as_user(world.member).get(url(survey)).page
    assert not page.css("input[name=figure]")
    assert "no figures to add yet" in page.text()
    assert as_user(world.member).post(url(survey), {"figure": "x", "text": "y"}).status_code == 200
    assert not Finding.objects.exists()


def test_withheld_figures_are_never_offered():
    from pathfinder.instruments import disclosure
    from pathfinder.surveys.results import ItemResult, Results, Row

    class Item:
        code, text, type = "q", "A question", "scale"

    hidden = disclosure.too_few()
    built = Results(
        size=12,
        key=(),
        released=True,
        filters=[],
        hidden_breakdowns=0,
        comments=["secret"],
        sections=[
            (
                "S",
                [ItemResult(item=Item, answered=12, rows=[Row("Yes", hidden, hidden)], mean=hidden, share_high=hidden)],
            )
        ],
    )
    assert released_figures(built) == []


def test_read_only_people_cannot_make_one(make_survey, world, as_user):
    survey = a_closed_survey(make_survey, world)
    assert as_user(world.viewer).get(url(survey)).status_code == 403
    assert as_user(world.outsider).get(url(survey)).status_code == 404
