"""Plan lines get dates, a cost and an owner, and can become actions in the
implementation plan, with their cost in the budget."""

from datetime import date
from decimal import Decimal

from pathfinder.planning.models import Action
from pathfinder.workforce import plans


def a_plan(world):
    plan = plans.draft_plan(world.programme, None, world.lead)
    return plan, plan.lines.filter(job_role="practitioner", kind="core").select_related("entry").first()


def details(plan, line, **changes):
    return {
        "version": plan.version,
        "starts_on": "2027-01-04",
        "due_on": "2027-03-31",
        "cost": "£1,250.50",
        "owner": str(changes.pop("owner").pk),
        **changes,
    }


def test_the_lead_sets_dates_cost_and_owner_then_makes_it_an_action(world, as_user):
    plan, line = a_plan(world)
    client = as_user(world.lead)
    url = f"/training-plans/{plan.pk}/lines/{line.pk}/"
    assert "Save a due date and an owner first" in client.get(url).page.text()
    response = client.post(url, details(plan, line, owner=world.memberships.member))
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.starts_on, line.due_on, line.cost, line.owner) == (
        date(2027, 1, 4),
        date(2027, 3, 31),
        Decimal("1250.50"),
        world.memberships.member,
    )
    page = client.get(f"/training-plans/{plan.pk}/").page
    assert "4 January 2027 to 31 March 2027" in page.text()
    assert "£1,250.50" in page.text()

    plan.refresh_from_db()
    response = client.post(url + "action/", {"version": plan.version})
    action = Action.objects.get()
    assert response["Location"] == f"/actions/{action.pk}/"
    assert action.title == f"{line.entry.title} for practitioners and key workers"
    assert (action.programme, action.theme, action.owner, action.due_on, action.direct_cost) == (
        world.programme,
        "skills",
        world.memberships.member,
        date(2027, 3, 31),
        Decimal("1250.50"),
    )
    line.refresh_from_db()
    assert line.action == action
    # The cost is in the implementation plan's budget.
    budget = client.get(f"/programmes/{world.programme.pk}/plan/budget/").page.text()
    assert "1,250" in budget
    # A second press does not make a second action.
    plan.refresh_from_db()
    client.post(url + "action/", {"version": plan.version})
    assert Action.objects.count() == 1


def test_the_owner_must_be_someone_who_may_change_the_plan(world, as_user):
    plan, line = a_plan(world)
    url = f"/training-plans/{plan.pk}/lines/{line.pk}/"
    page = as_user(world.lead).post(url, details(plan, line, owner=world.memberships.viewer)).page
    assert page.title.startswith("Error: ")
    assert page.error_summary()[0].startswith("Choose an owner from the list")
    line.refresh_from_db()
    assert line.owner is None


def test_a_line_without_a_due_date_cannot_become_an_action(world):
    plan, line = a_plan(world)
    try:
        plans.line_to_action(plan, line.pk, version=plan.version, by=world.lead)
    except plans.PlanRefused as refused:
        assert "a due date and an owner" in str(refused)
    else:
        raise AssertionError("it should have been refused")
    assert not Action.objects.exists()


def test_the_due_date_cannot_be_before_the_start(world, as_user):
    plan, line = a_plan(world)
    url = f"/training-plans/{plan.pk}/lines/{line.pk}/"
    data = details(plan, line, owner=world.memberships.lead, due_on="2026-12-01")
    page = as_user(world.lead).post(url, data).page
    assert page.error_summary() == ["The due date cannot be before the start date."]
