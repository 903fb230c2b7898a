"""A closed training needs analysis shapes the plan, but only through the
disclosure gate: released figures in notes, nothing from small groups, and
nothing at all from a survey that is still open."""

import pytest
from django.utils import timezone

from pathfinder.surveys.models import Survey
from pathfinder.workforce import plans
from pathfinder.workforce.models import RoleLevel
from pathfinder.workforce.tests.conftest import tna_answers, tna_survey, training_url

PRACTITIONERS = "practitioners and key workers"


def few_confident(world, **extra):
    """14 practitioners (5 very or extremely confident, 6 with no training) and 12 managers (7 confident)."""
    answers = (
        [tna_answers("practitioner", 4)] * 5
        + [tna_answers("practitioner", 2, ["none"])] * 6
        + [tna_answers("practitioner", 3)] * 3
        + [tna_answers("manager", 5)] * 7
        + [tna_answers("manager", 2)] * 5
    )
    return tna_survey(world, answers, **extra)


def core(plan, role):
    return list(plan.lines.filter(job_role=role, kind="core"))


def test_a_role_where_few_feel_confident_becomes_a_high_priority(world):
    survey = few_confident(world)
    plan = plans.draft_plan(world.programme, survey, world.lead)
    closed = plans.long_date(survey.last_day)
    note = (
        f"Fewer than half of the {PRACTITIONERS} who answered feel very or extremely confident applying "
        "trauma-informed principles in their day-to-day work (36%). 43% have done none of the listed training yet. "
        f"(Training needs 2027, closed {closed})"
    )
    assert plan.reasoning["practitioner"][1] == note
    assert {(line.priority, line.note) for line in core(plan, "practitioner")} == {("high", note)}
    assert plan.reasoning["manager"][1].startswith("58% of the managers who answered feel very or extremely confident")
    assert {line.priority for line in core(plan, "manager")} == {"normal"}
    # Induction and scaffolding keep their place; only core training is prioritised.
    assert {line.priority for line in plan.lines.exclude(kind="core")} == {"normal"}
    assert plan.summary == (
        f"The plan uses the results of “Training needs 2027”, which closed on {closed}. 46% of the people who "
        "answered feel very or extremely confident applying trauma-informed principles. "
        "23% have done none of the listed training yet."
    )


def test_a_role_with_fewer_than_ten_answers_gets_no_figures(world):
    answers = [tna_answers("practitioner", 4)] * 12 + [tna_answers("peer_worker", 1, ["none"])] * 4
    survey = tna_survey(world, answers)
    plan = plans.draft_plan(world.programme, survey, world.lead)
    note = plan.reasoning["peer_worker"][1]
    assert note.startswith(
        "Too few peer and lived-experience workers answered to use their results safely; "
        "the plan follows the role's required level."
    )
    assert not any(character.isdigit() for character in note.split("(")[0])
    assert {line.priority for line in core(plan, "peer_worker")} == {"normal"}
    # 12 practitioners out of 16 would give the 4 peer workers away by subtraction, so they are withheld too.
    assert "could be worked out from other figures" in plan.reasoning["practitioner"][1]


def test_a_role_the_results_page_would_hide_is_hidden_in_the_plan_too(world):
    # Alone, "practitioners" (10) and "managers" (15) could both be shown. But the results page can
    # also show everyone working in the community (15): minus the practitioners, that is 5 managers.
    # The plan checks every group the results page can produce, so the two pages never add up to that.
    # With the roles at different practice levels, each level group is one role: still hidden.
    RoleLevel.objects.create(service=world.service, job_role="practitioner", level="enhanced")
    answers = (
        [tna_answers("practitioner", 2, **{"about.area": "community"})] * 10
        + [tna_answers("manager", 4, **{"about.area": "community"})] * 5
        + [tna_answers("manager", 4, **{"about.area": "residential"})] * 10
    )
    survey = tna_survey(world, answers, optional=["about.area"])
    plan = plans.draft_plan(world.programme, survey, world.lead)
    for role in ("practitioner", "manager"):
        assert "could be worked out from other figures" in plan.reasoning[role][1]
        assert {line.priority for line in core(plan, role)} == {"normal"}


def test_a_share_the_gate_hides_does_not_set_priorities(world):
    # 2 of 12 confident: a small number, so the share is not shown, and not used either.
    answers = [tna_answers("practitioner", 5)] * 2 + [tna_answers("practitioner", 2)] * 10
    survey = tna_survey(world, answers)
    plan = plans.draft_plan(world.programme, survey, world.lead)
    note = plan.reasoning["practitioner"][1]
    assert "cannot be shown, because it would point to a small number of people" in note
    assert "On average they rate their confidence 2.5 out of 5." in note
    assert {line.priority for line in core(plan, "practitioner")} == {"normal"}


def test_it_refuses_a_survey_that_is_still_open(world):
    survey = few_confident(world, closed=False)
    with pytest.raises(plans.PlanRefused, match="is still open until"):
        plans.draft_plan(world.programme, survey, world.lead)
    assert not world.programme.training_plans.exists()


def test_it_refuses_a_survey_from_another_programme(world):
    survey = few_confident(world, programme=world.other_programme)
    with pytest.raises(plans.PlanRefused, match="from this programme"):
        plans.draft_plan(world.programme, survey, world.lead)


def test_it_reads_a_survey_that_closed_by_date(world):
    survey = few_confident(world, closed=False)
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    Survey.objects.filter(pk=survey.pk).update(opens_on=yesterday, closes_on=yesterday)
    survey.refresh_from_db()
    plan = plans.draft_plan(world.programme, survey, world.lead)
    assert plan.lines.exists()


def test_the_page_offers_closed_surveys_and_explains_open_ones(world, as_user):
    closed = few_confident(world)
    tna_survey(world, [], closed=False, title="Spring TNA")
    client = as_user(world.lead)
    text = client.get(training_url(world.programme, "plan/new/")).page.text()
    assert "Training needs 2027 (closed" in text
    assert "“Spring TNA” is still open until" in text
    response = client.post(training_url(world.programme, "plan/new/"), {"survey": str(closed.pk), "title": ""})
    plan = world.programme.training_plans.get()
    assert response["Location"] == f"/training-plans/{plan.pk}/"
    page = as_user(world.member).get(f"/training-plans/{plan.pk}/").page
    assert "Fewer than half of the practitioners and key workers who answered" in page.text()
    assert len(page.css("#role-practitioner ~ table .nhsuk-tag--red")) >= 1


def test_an_open_survey_cannot_be_chosen_on_the_page(world, as_user):
    survey = few_confident(world, closed=False)
    page = as_user(world.lead).post(training_url(world.programme, "plan/new/"), {"survey": str(survey.pk)}).page
    assert page.title.startswith("Error: ")
    assert not world.programme.training_plans.exists()
