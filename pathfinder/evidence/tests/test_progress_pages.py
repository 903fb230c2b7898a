"""The Progress page, a measure's page with its chart, table, sentence and
recalculated limits, the dashboard panel, and indicators in the theory of
change that point to a measure."""

from pathfinder.evidence import spc
from pathfinder.evidence.tests.mat import rate
from pathfinder.planning.models import Indicator, ToCNode
from pathfinder.surveys.tests.conftest import make_survey, tna_version  # noqa: F401  fixtures

RATINGS = ["red", "amber"] * 7  # 14 ratings alternating 1 and 2, oldest first


def rate_many(world, ratings, standard=6):
    for age, rating in enumerate(reversed(ratings)):
        rate(world, standard=standard, rating=rating, days=10 + age * 20)


def overview(world, client):
    return client.get(f"/programmes/{world.programme.pk}/progress/")


def measure_page(world, client, key="mat:6", query=""):
    return client.get(f"/programmes/{world.programme.pk}/progress/{key}/{query}")


def test_with_no_measures_the_page_says_where_they_come_from(world, as_user):
    response = overview(world, as_user(world.viewer))
    assert response.status_code == 200
    assert "There are no measures yet" in response.page.text()


def test_every_measure_with_its_latest_value_and_reading(world, as_user):
    rate(world, standard=6, rating="red", days=40)
    rate(world, standard=6, rating="green", days=20)
    rate_many(world, RATINGS, standard=10)
    page = overview(world, as_user(world.viewer)).page
    rows = {
        row.cssselect("td a")[0].get("href").rstrip("/").rsplit("/", 1)[1]: [
            " ".join(cell.text_content().split()) for cell in row.cssselect("td")
        ]
        for row in page.css("main tr.pf-measure")
    }
    assert set(rows) == {"mat:6", "mat:10"}
    six, ten = rows["mat:6"], rows["mat:10"]
    assert "4 of 5" in six[1]
    assert "Needs 11 more points" in six[2]
    assert "2 of 5" in ten[1]
    assert "No significant change" in ten[2]
    assert "Not linked to an outcome yet" in six[3]
    assert page.css("main h2")[0].text_content().startswith("MAT standards")


def test_a_measure_page_has_the_chart_table_sentence_and_meanings(world, as_user):
    rate_many(world, RATINGS)
    response = measure_page(world, as_user(world.viewer))
    assert response.status_code == 200
    page = response.page
    expected = spc.xmr([1, 2] * 7, direction="higher")
    assert expected.sentence in page.text()
    assert expected.variation_meaning in page.text()
    assert "There is no target, so there is no assurance reading." in page.text()
    assert page.css("main svg[role=img]")
    headers = [" ".join(h.text_content().split()) for h in page.css("main .pf-chart__data thead th")]
    assert headers[-3:] == ["Mean", "Upper process limit", "Lower process limit"]
    assert len(page.css("main .pf-chart__data tbody tr")) == 14
    form = page.css("main form.pf-recalculate")[0]
    assert form.get("method") == "get"


def test_recalculating_the_limits_from_a_point(world, as_user):
    rate_many(world, [*RATINGS, "blue", "blue", "blue"])
    response = measure_page(world, as_user(world.viewer), query="?recalculate_from=15")
    assert response.status_code == 200
    page = response.page
    assert "The limits are recalculated from point 15" in page.text()
    expected = spc.xmr([1, 2] * 7 + [5, 5, 5], direction="higher", rebase_at=[14])
    assert expected.sentence in page.text()
    assert "10 more points are needed since the limits were recalculated at point 15" in page.text()
    assert page.css("main input[name=recalculate_from]")[0].get("value") == "15"


def test_a_point_too_early_is_refused_with_an_error_summary(world, as_user):
    rate_many(world, RATINGS)
    for query, message in [
        ("?recalculate_from=3", "Choose a point from 14 to 14"),
        ("?recalculate_from=abc", "Enter the point as a whole number"),
        ("?recalculate_from=", "Enter the number of the point"),
    ]:
        response = measure_page(world, as_user(world.viewer), query=query)
        assert response.status_code == 400
        assert response.page.title.startswith("Error: ")
        assert any(message in item for item in response.page.error_summary()), response.page.error_summary()
        # The chart is still shown, with limits from all the points.
        assert response.page.css("main svg[role=img]")


def test_a_short_series_cannot_be_recalculated_yet(world, as_user):
    rate(world, standard=6, rating="amber", days=3)
    page = measure_page(world, as_user(world.viewer)).page
    assert not page.css("main form.pf-recalculate")
    assert "once there are at least 14 points" in page.text()


def test_asking_to_recalculate_a_short_series_says_why_not(world, as_user):
    rate(world, standard=6, rating="amber", days=3)
    response = measure_page(world, as_user(world.viewer), query="?recalculate_from=14")
    assert response.status_code == 400
    assert any("at least 14 points: this measure has 1" in item for item in response.page.error_summary())


def test_an_unknown_measure_is_not_found(world, as_user):
    assert measure_page(world, as_user(world.viewer), key="mat:99").status_code == 404


def test_an_outsider_cannot_see_the_pages(world, as_user):
    rate(world, standard=6)
    client = as_user(world.outsider)
    assert overview(world, client).status_code == 404
    assert measure_page(world, client).status_code == 404


def test_the_dashboard_panel_gives_the_readings_in_brief(world, as_user):
    rate_many(world, RATINGS)
    rate(world, standard=10, rating="amber", days=2)
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page
    text = " ".join(page.text().split())
    assert "2 measures recorded over time" in text
    assert "No significant change: 1" in text
    assert "Not enough points yet: 1" in text
    assert page.css(f"main a[href='/programmes/{world.programme.pk}/progress/']")


# --- Theory of change -------------------------------------------------------------------


def outcome(world):
    return ToCNode.objects.create(programme=world.programme, kind="short", text="Staff feel safe to speak up")


def test_an_indicator_can_point_to_a_measure(world, as_user):
    from datetime import date

    from pathfinder.planning.services.actions import create_action

    rate_many(world, RATINGS)
    node = outcome(world)
    create_action(
        programme=world.programme,
        by=world.lead,
        title="Reflective practice groups",
        theme="culture",
        due_on=date(2027, 1, 1),
        outcome=node,
    )
    client = as_user(world.lead)
    page = client.get(f"/toc-steps/{node.pk}/").page
    options = [o.get("value") for o in page.css("select[name=measure] option")]
    assert options[0] == "" and "mat:6" in options
    response = client.post(
        f"/toc-steps/{node.pk}/",
        {"form": "indicator", "indicator": "Standard 6 is rated green", "how_measured": "", "measure": "mat:6"},
    )
    assert response.status_code == 302
    assert Indicator.objects.get(node=node).measure_key == "mat:6"
    toc = " ".join(client.get(f"/programmes/{world.programme.pk}/theory-of-change/").page.text().split())
    assert "latest 2 of 5" in toc and "reading: no significant change" in toc
    progress_text = " ".join(overview(world, client).page.text().split())
    assert (
        "Evidences Staff feel safe to speak up (short-term outcome), indicator: Standard 6 is rated green; "
        "actions: Reflective practice groups" in progress_text
    )
    detail = " ".join(measure_page(world, client).page.text().split())
    assert "through the indicator “Standard 6 is rated green”" in detail


def test_an_unknown_measure_on_the_indicator_form_is_refused(world, as_user):
    node = outcome(world)
    response = as_user(world.lead).post(
        f"/toc-steps/{node.pk}/", {"form": "indicator", "indicator": "Something", "measure": "mat:99"}
    )
    assert response.status_code == 200
    assert any("Choose one of the measures" in item for item in response.page.error_summary())
    assert not Indicator.objects.filter(node=node).exists()
    assert response.page.css("input[name=indicator]")[0].get("value") == "Something"


def test_an_indicator_without_a_measure_still_works(world, as_user):
    node = outcome(world)
    response = as_user(world.lead).post(
        f"/toc-steps/{node.pk}/", {"form": "indicator", "indicator": "People say so", "measure": ""}
    )
    assert response.status_code == 302
    assert Indicator.objects.get(node=node).measure_key == ""


def test_the_indicator_form_offers_no_measure_choice_until_there_are_measures(world, as_user):
    node = outcome(world)
    client = as_user(world.lead)
    assert not client.get(f"/toc-steps/{node.pk}/").page.css("select[name=measure]")
    # A made-up measure is still refused, and the field shows with its error.
    response = client.post(f"/toc-steps/{node.pk}/", {"form": "indicator", "indicator": "X", "measure": "mat:6"})
    assert response.page.css("select[name=measure]")
    assert not Indicator.objects.filter(node=node).exists()


def test_the_step_page_names_the_linked_measure(world, as_user):
    rate(world, standard=6, rating="amber", days=3)
    node = outcome(world)
    Indicator.objects.create(node=node, text="Rated green", measure_key="mat:6")
    page = as_user(world.lead).get(f"/toc-steps/{node.pk}/").page
    link = page.css(f"main a[href='/programmes/{world.programme.pk}/progress/mat:6/']")
    assert link and "Standard 6" in link[0].text_content()


def test_a_survey_measure_opens_only_for_people_who_may_see_survey_results(world, as_user, make_survey):  # noqa: F811
    from pathfinder.evidence.tests.test_progress_sources import tna, wave
    from pathfinder.testing.factories import MembershipFactory

    wave(make_survey, world, "Wave 1", [tna(4)] * 10)
    page = overview(world, as_user(world.viewer)).page
    [href] = [
        a.get("href") for a in page.css("main tr.pf-measure td a") if "confidence.trauma_concept" in a.get("href")
    ]
    response = as_user(world.viewer).get(href)
    assert response.status_code == 200
    assert "Wave 1" in response.page.text()
    staff = MembershipFactory(service=world.service, role="staff").user
    assert as_user(staff).get(href).status_code == 404
    assert (
        "confidence.trauma_concept"
        not in as_user(staff).get(f"/programmes/{world.programme.pk}/progress/").content.decode()
    )
