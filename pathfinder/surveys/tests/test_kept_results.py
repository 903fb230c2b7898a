"""A closed survey's results are worked out once per worker and kept in its
memory (surveys/kept.py): attacks on the keep, and proof that it saves the work."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.core.models import Membership
from pathfinder.core.roles import Role
from pathfinder.surveys import kept, results, services
from pathfinder.surveys.models import Survey
from pathfinder.surveys.tests.conftest import close, emailed_codes, respond


def answers(role="practitioner", confident=4, comment=""):
    found = {"about.role": role, "about.area": "community", "confidence.trauma_concept": confident}
    return found | ({"needs.comments": comment} if comment else {})


def page(client, survey, query=""):
    return client.get(f"/surveys/{survey.pk}/results/{query}").page


def answers_read(queries) -> list[str]:
    """The statements that read the survey's encrypted answers."""
    return [q["sql"] for q in queries if "surveys_response" in q["sql"] and "answers" in q["sql"]]


def test_a_second_view_reads_and_decrypts_no_answers_and_shows_the_same(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers(confident=5)] * 6 + [answers("manager", confident=2)] * 6)
    close(survey, world)
    client = as_user(world.lead)
    kept.forget()
    with CaptureQueriesContext(connection) as first:
        before = page(client, survey).text()
    with CaptureQueriesContext(connection) as second:
        after = page(client, survey).text()
    assert len(answers_read(first.captured_queries)) == 1
    assert answers_read(second.captured_queries) == []
    assert "12 people answered" in before
    assert before == after


def test_kept_results_are_the_same_as_results_worked_out_afresh(make_survey, world):
    survey = make_survey()
    respond(survey, [answers(confident=n % 5 + 1) for n in range(14)] + [answers("manager", confident=3)] * 11)
    close(survey, world)
    survey = Survey.objects.select_related("instrument_version").get(pk=survey.pk)
    rules_ = services.results_rules(survey)
    for query in ({}, {"about.role": "manager"}, {"about.role": "nobody"}):
        kept.forget()
        made = kept.results_of(survey, rules_, query)
        again = kept.results_of(survey, rules_, query)
        definition = survey.instrument_version.parsed
        from pathfinder.surveys.forms import asked_items

        fresh = results.build(
            definition, asked_items(definition, survey), services.answer_sets(survey), query, rules_=rules_
        )
        assert made == again == fresh


def test_someone_sent_a_code_who_comes_to_see_results_withholds_kept_figures_at_once(make_survey, world, as_user):
    """The padding is worked out on every view: a kept result must not outlive
    the rules it was made under."""
    survey = make_survey()
    codes = emailed_codes(survey, 10)
    for code in codes:
        services.submit(survey, services.Submission(answers=answers(), code=code))
    close(survey, world)
    client = as_user(world.lead)
    assert "10 people answered" in page(client, survey).text()
    invited = survey.participants.exclude(user=None).values_list("user_id", flat=True)
    Membership.objects.filter(service=world.service, user_id=invited[0]).update(role=Role.GROUP_MEMBER)
    text = page(client, survey).text()
    assert "10 people answered" not in text
    assert "Not shown, to protect anonymity" in text


def test_a_survey_that_takes_more_answers_after_being_kept_shows_them(make_survey, world, as_user):
    """Surveys are not reopened today; if one ever takes answers again, the
    fingerprint of its responses changes and its results are worked out afresh."""
    survey = make_survey()
    respond(survey, [answers()] * 10)
    close(survey, world)
    client = as_user(world.lead)
    assert "10 people answered" in page(client, survey).text()
    Survey.objects.filter(pk=survey.pk).update(closed_early_on=None)
    respond(survey, [answers()] * 3)
    close(survey, world)
    assert "13 people answered" in page(client, survey).text()


def test_comments_come_in_a_new_order_each_view_and_a_caller_cannot_change_what_is_kept(make_survey, world):
    survey = make_survey()
    respond(survey, [answers(comment=f"Comment number {n}") for n in range(12)])
    close(survey, world)
    survey = Survey.objects.select_related("instrument_version").get(pk=survey.pk)
    rules_ = services.results_rules(survey)
    kept.forget()
    orders = []
    for _ in range(4):
        shown = kept.results_of(survey, rules_, {})
        (comments,) = shown.comments
        orders.append(tuple(comments.texts))
        comments.texts.clear()
        shown.comments.clear()
    assert all(sorted(order) == sorted(f"Comment number {n}" for n in range(12)) for order in orders)
    assert len(set(orders)) > 1


def test_filters_typed_into_the_address_share_one_kept_result_and_the_keep_is_bounded(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers()] * 10)
    close(survey, world)
    client = as_user(world.lead)
    kept.forget()
    page(client, survey)
    for n in range(kept.LIMIT + 5):
        page(client, survey, f"?about.role=made-up-{n}&junk={'x' * 1000}")
    assert len(kept._kept) == 1
    # Every real choice is its own result; the oldest go first past the limit.
    original = kept.LIMIT
    try:
        kept.LIMIT = 2
        for role in ("practitioner", "manager", "admin"):
            page(client, survey, f"?about.role={role}")
        assert len(kept._kept) == 2
    finally:
        kept.LIMIT = original


def test_results_are_kept_in_memory_only_never_in_the_cache_table(make_survey, world, as_user):
    survey = make_survey()
    respond(survey, [answers(comment="A distinctive remark about rotas")] * 10)
    close(survey, world)
    client = as_user(world.lead)
    assert "A distinctive remark about rotas" in page(client, survey).text()
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM pathfinder_cache")
        stored = " ".join(str(value) for (value,) in cursor.fetchall())
    assert "distinctive" not in stored and "rotas" not in stored


def test_the_progress_measures_and_the_results_page_share_the_keep(make_survey, world, as_user):
    """The dashboard's progress panel uses the same kept result as the
    results page: after the page, the dashboard reads no answers."""
    survey = make_survey()
    respond(survey, [answers(confident=4)] * 12)
    close(survey, world)
    client = as_user(world.lead)
    kept.forget()
    page(client, survey)
    with CaptureQueriesContext(connection) as dashboard:
        assert client.get(f"/programmes/{world.programme.pk}/").status_code == 200
    assert answers_read(dashboard.captured_queries) == []


def test_answers_are_read_in_the_order_of_their_random_ids_not_the_order_stored(make_survey, world):
    survey = make_survey()
    respond(survey, [answers(confident=n % 5 + 1) for n in range(12)])
    read = [rid for rid, _ in services.answer_sets_for([survey])[survey.pk]]
    assert len(read) == 12 and read == sorted(read)
    assert [rid for rid, _ in services.answer_sets(survey)] == read
