"""Results only through the disclosure gate: nothing from fewer than 10 people,
no breakdown that could be worked out from other figures."""

import csv
import io

from pathfinder.core.models import AuditEvent
from pathfinder.surveys.tests.conftest import close, respond


def answers(role, confident=4, area="community"):
    return {"about.role": role, "about.area": area, "confidence.trauma_concept": confident, "confidence.applying": 3}


def results_url(survey, query=""):
    return f"/surveys/{survey.pk}/results/{query}"


def test_nothing_is_shown_from_nine_people(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers("practitioner")] * 9)
    close(survey, world)
    text = as_user(world.lead).get(results_url(survey)).page.text()
    assert "Not shown, to protect anonymity" in text
    assert "Too few people answered to show results" in text


def test_results_are_shown_from_ten_people(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers("practitioner")] * 10)
    close(survey, world)
    page = as_user(world.lead).get(results_url(survey)).page
    assert "10 people answered" in page.text()
    assert "Confidence compared with Scotland" in page.text()


def test_a_small_group_and_its_complement_are_both_withheld(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers("practitioner")] * 12 + [answers("manager")] * 3)
    close(survey, world)
    client = as_user(world.lead)
    assert "15 people answered" in client.get(results_url(survey)).page.text()
    managers = client.get(results_url(survey, "?about.role=manager")).page.text()
    practitioners = client.get(results_url(survey, "?about.role=practitioner")).page.text()
    # 3 managers are too few; and 12 practitioners out of 15 would reveal the 3 by subtraction.
    assert "Not shown, to protect anonymity" in managers
    assert "Not shown, to protect anonymity" in practitioners


def table_for(page, question_starts: str) -> dict[str, str]:
    for table in page.css("table"):
        caption = table.cssselect("caption")
        if caption and caption[0].text_content().strip().startswith("Answers to: " + question_starts):
            return {
                row.cssselect("th")[0].text_content().strip(): row.cssselect("td")[0].text_content().strip()
                for row in table.cssselect("tbody tr")
            }
    raise AssertionError(f"no table for {question_starts!r}")


def test_small_counts_are_hidden_in_tables(make_survey, world, as_user, tna_version):
    survey = make_survey()
    respond(survey, [answers("practitioner", confident=5)] * 8 + [answers("practitioner", confident=2)] * 3)
    close(survey, world)
    page = as_user(world.lead).get(results_url(survey)).page
    question = tna_version.parsed.item("confidence.trauma_concept").text
    counts = table_for(page, question[:30])
    assert counts["2 – A little confident"] == "not shown"  # 3 people: a small number
    # With the total known, 8 would give the hidden 3 away, so it is hidden too.
    assert counts["5 – Extremely confident"] == "not shown"
    assert counts["1 – Not at all confident"] == "0"


def test_results_wait_until_the_survey_closes(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers("practitioner")] * 12)
    text = as_user(world.lead).get(results_url(survey)).page.text()
    assert "Results appear when the survey closes" in text


def test_staff_without_the_permission_cannot_see_results(make_survey, world, as_user):
    survey = make_survey()
    close(survey, world)
    from pathfinder.testing.factories import MembershipFactory

    staff = MembershipFactory(service=world.service, role="staff").user
    assert as_user(staff).get(results_url(survey)).status_code == 403
    assert as_user(world.outsider).get(results_url(survey)).status_code == 404


def test_downloads_carry_only_the_protected_figures(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers("practitioner")] * 11 + [{**answers("admin"), "needs.comments": "=cmd|'/C calc'!A0"}])
    close(survey, world)
    response = as_user(world.viewer).get(f"/surveys/{survey.pk}/download.csv")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["Section", "Question", "Answer", "People", "Percentage"]
    assert "calc" not in body  # free text never leaves in downloads
    assert "not shown" in body
    assert AuditEvent.objects.filter(kind="data.export", actor=world.viewer).exists()


def test_a_group_shows_averages_only_and_each_question_is_checked_on_who_answered_it(make_survey, world, as_user):
    survey = make_survey()
    practitioners = [answers("practitioner", confident=4)] * 15
    # Ten managers answered, but only three gave the "applying" question a value.
    managers = [answers("manager", confident=2)] * 3 + [
        {**answers("manager", confident=2), "confidence.applying": None}
    ] * 7
    respond(survey, practitioners + managers)
    close(survey, world)
    page = as_user(world.lead).get(results_url(survey, "?about.role=manager")).page
    text = page.text()
    assert "10 people answered in this group" in text
    assert "only averages are shown" in text
    assert not page.css("table")  # no count tables for a group
    averages = [" ".join(p.text_content().split()) for p in page.css("p.nhsuk-body-s") if "verage" in p.text_content()]
    assert "Average: 2.0." in averages  # understanding what trauma is: all ten managers
    assert "The average is not shown." in averages  # applying: only three managers gave a value
