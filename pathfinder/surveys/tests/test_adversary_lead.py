"""Adversary 1: the programme lead, or anyone who can see results or run
surveys. They see every page and download, the live counts, the reminder
form; they may hold printed codes, may answer themselves, and know the staff
list. None of that may single anyone out or rebuild a count of 1 to 4."""

import csv
import io

from pathfinder.core.roles import Role
from pathfinder.surveys import presenters, services
from pathfinder.surveys.tests.conftest import close, emailed_codes, respond
from pathfinder.testing.factories import MembershipFactory


def answers(role="practitioner", confident=4, **more):
    return {"about.role": role, "about.area": "community", "confidence.trauma_concept": confident, **more}


def results(client, survey, query=""):
    return client.get(f"/surveys/{survey.pk}/results/{query}").page


def test_live_counts_move_in_steps_so_asking_one_person_tells_nothing(make_survey, world, as_user):
    survey = make_survey()
    client = as_user(world.lead)
    seen = []
    for _ in range(17):
        respond(survey, [answers()])
        seen.append(client.get(f"/surveys/{survey.pk}/").page.text())
    assert "Fewer than 10" in seen[0] and "Fewer than 10" in seen[8]
    assert "At least 10" in seen[9] and "At least 10" in seen[13]
    assert "At least 15" in seen[14] and "At least 15" in seen[16]
    # The page between two answers inside one step is the same, apart from its CSRF token.
    assert seen[10].replace(seen[10], "") == seen[11].replace(seen[11], "")
    for n, text in enumerate(seen, start=1):
        assert f"{n} answer" not in text and f"Answers so far {n} " not in text


def test_the_survey_page_never_says_who_has_not_answered(make_survey, world, as_user):
    survey = make_survey()
    waiting = MembershipFactory(service=world.service, user__full_name="Wendy Waiting").user
    services.invite_members(survey, [waiting], by=world.lead)
    respond(survey, [answers()] * 3)
    text = as_user(world.lead).get(f"/surveys/{survey.pk}/").page.text()
    assert "Wendy Waiting" not in text
    assert "have not been used" not in text


def test_printed_codes_answered_by_whoever_holds_them_cannot_lift_a_survey_over_the_limit(make_survey, world, as_user):
    """The lead prints nine codes and answers with all of them; one person
    answers with their own. Ten answers, but nine are the lead's: the tenth
    person's answers would be the total minus the lead's. Nothing is shown."""
    survey = make_survey()
    respond(survey, [answers(confident=1)] * 9, printed=True)
    respond(survey, [answers(confident=5)])
    close(survey, world)
    text = results(as_user(world.lead), survey).text()
    assert "Not shown, to protect anonymity" in text
    assert "at least 19" in text


def test_printed_codes_cannot_pad_a_small_group_into_a_breakdown(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers("practitioner")] * 25)
    respond(survey, [answers("manager", confident=1)] * 3)  # the three real managers
    respond(survey, [answers("manager", confident=5)] * 7, printed=True)  # the lead's padding
    close(survey, world)
    client = as_user(world.lead)
    assert "Not shown, to protect anonymity" in results(client, survey, "?about.role=manager").text()
    everyone = results(client, survey)
    assert "35 people answered" in everyone.text()
    manager = next(o for o in everyone.css("select option") if o.get("value") == "manager")
    assert manager.get("disabled") is not None and "not available" in manager.text_content()


def test_someone_who_can_see_results_and_answered_cannot_subtract_their_own_answer(make_survey, world, as_user):
    survey = make_survey()
    services.invite_members(survey, [world.member], by=world.lead)  # a group member: can see results
    respond(survey, [answers()] * 10)
    close(survey, world)
    assert "at least 11" in results(as_user(world.member), survey).text()
    other = make_survey(title="Second")
    services.invite_members(other, [world.member], by=world.lead)
    respond(other, [answers()] * 11)
    close(other, world)
    assert "11 people answered" in results(as_user(world.member), other).text()


def test_printed_codes_are_shown_once_and_never_kept(make_survey, world, as_user):
    survey = make_survey()
    client = as_user(world.lead)
    response = client.post(f"/surveys/{survey.pk}/invite/", {"extra": "3"})
    printed = [node.text_content().strip() for node in response.page.css("li code, td code, code")]
    codes = [text for text in printed if len(text) == 12 and text.count("-") == 2]
    assert len(codes) == 3
    assert response["Cache-Control"] == "no-store"
    from pathfinder.surveys.models import Participant

    stored = " ".join(Participant.objects.values_list("code_hash", flat=True))
    assert not any(code in stored for code in codes)
    again = client.get(f"/surveys/{survey.pk}/").page.text()
    assert not any(code in again for code in codes)


def test_an_average_at_the_end_of_a_scale_is_withheld(make_survey, world, as_user):
    """Nine people chose 5 and one chose 4. The table hides both counts; an
    average of 4.9 would give them back."""
    survey = make_survey()
    respond(survey, [answers(confident=5)] * 9 + [answers(confident=4)])
    close(survey, world)
    page = results(as_user(world.lead), survey)
    section = " ".join(page.text().split())
    assert "4.9" not in section
    assert "The average is not shown" in section


def test_an_average_beside_hidden_cells_is_withheld_when_it_would_rebuild_them(make_survey, world, as_user):
    survey = make_survey()
    # 2 chose 1 (hidden), 3 chose 5 (hidden), the rest shown: total and average would pin the two hidden cells.
    respond(
        survey,
        [answers(confident=1)] * 2
        + [answers(confident=3)] * 10
        + [answers(confident=4)] * 6
        + [answers(confident=5)] * 3,
    )
    close(survey, world)
    section = " ".join(results(as_user(world.lead), survey).text().split())
    average = f"Average: {(2 * 1 + 10 * 3 + 6 * 4 + 3 * 5) / 21:.1f}"
    assert average not in section


def test_comments_need_ten_writers_are_hidden_behind_a_reminder_and_never_downloaded(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers(**{"needs.comments": f"More time please {n}"}) for n in range(9)] + [answers()] * 5)
    close(survey, world)
    client = as_user(world.lead)
    text = results(client, survey).text()
    assert "More time please" not in text
    assert "Fewer than 10 people wrote an answer here" in text
    second = make_survey(title="Second")
    respond(second, [answers(**{"needs.comments": f"I am thinking of leaving {n}"}) for n in range(10)])
    close(second, world)
    page = results(client, second)
    assert "Before you read or share these" in page.text()
    assert page.css("details .pf-preserve-lines")
    assert "I am thinking of leaving" not in results(client, second, "?about.area=community").text()
    download = client.get(f"/surveys/{second.pk}/download.csv")
    assert "thinking of leaving" not in download.content.decode()
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert rows


def test_empty_answer_sets_do_not_count_towards_the_limit(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers()] * 9)
    for code in emailed_codes(survey, 3):
        services.submit(survey, services.Submission(answers={}, code=code))
    close(survey, world)
    assert "Not shown, to protect anonymity" in results(as_user(world.lead), survey).text()


def test_the_reminder_sends_only_to_people_who_have_not_answered(make_survey, world, mailoutbox):
    survey = make_survey()
    first, second = (MembershipFactory(service=world.service, role=Role.STAFF).user for _ in range(2))
    services.invite_members(survey, [first, second], by=world.lead)
    code = mailoutbox[0].body.split("Your code:")[1].split()[0]
    services.submit(survey, services.Submission(answers={"about.role": "admin"}, code=code))
    mailoutbox.clear()
    assert services.remind(survey, by=world.lead) == 1
    assert [message.to for message in mailoutbox] == [[second.email]]
    assert "no longer works" in mailoutbox[0].body


def test_live_count_wording():
    assert presenters.live_count(0) == "None yet"
    assert presenters.live_count(9) == "Fewer than 10"
    assert presenters.live_count(10) == "At least 10"
    assert presenters.live_count(24) == "At least 20"
