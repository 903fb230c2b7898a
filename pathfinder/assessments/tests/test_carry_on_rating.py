""" "Carry on rating" returns the rater to where they left off."""

from pathfinder.assessments.tests.conftest import answer_all


def carry_on(client, round_):
    page = client.get(f"/assessment-rounds/{round_.pk}/").page
    (link,) = [a for a in page.css("a.nhsuk-button") if a.text_content().strip() in {"Carry on rating", "Start rating"}]
    return link.text_content().strip(), link.get("href")


def rate_url(round_, key):
    return f"/assessment-rounds/{round_.pk}/rate/{key}/"


def test_it_starts_at_the_first_theme(open_round, world, as_user):
    keys = [section.key for section in open_round.instrument_version.parsed.sections]
    assert carry_on(as_user(world.member), open_round) == ("Start rating", rate_url(open_round, keys[0]))


def test_it_returns_to_the_next_theme_after_save_and_continue(open_round, world, as_user):
    keys = [section.key for section in open_round.instrument_version.parsed.sections]
    client = as_user(world.member)
    client.post(rate_url(open_round, keys[0]), {"version": 1, "value_1": "3"})
    client.post(rate_url(open_round, keys[1]), {"version": 2})  # nothing answered, but moved on
    assert carry_on(client, open_round) == ("Carry on rating", rate_url(open_round, keys[2]))


def test_it_returns_to_the_theme_saved_for_later(open_round, world, as_user):
    keys = [section.key for section in open_round.instrument_version.parsed.sections]
    client = as_user(world.member)
    client.post(rate_url(open_round, keys[3]), {"version": 1, "value_1": "2", "later": "1"})
    assert carry_on(client, open_round) == ("Carry on rating", rate_url(open_round, keys[3]))


def test_after_the_last_theme_it_goes_to_check_and_submit(open_round, world, as_user):
    keys = [section.key for section in open_round.instrument_version.parsed.sections]
    client = as_user(world.member)
    client.post(rate_url(open_round, keys[-1]), {"version": 1, "value_1": "2"})
    assert carry_on(client, open_round)[1] == f"/assessment-rounds/{open_round.pk}/rate/check/"


def test_answers_saved_elsewhere_still_count_as_started(open_round, world, as_user):
    answer_all(open_round, world.member, 3)
    assert carry_on(as_user(world.member), open_round)[0] == "Carry on rating"
