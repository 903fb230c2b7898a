"""A plan drafted from the role map and the catalogue alone: every level up to
the one a role needs, an induction pack for every role, and scaffolding after
skilled-level training."""

from pathfinder.core.models import AuditEvent
from pathfinder.workforce import plans, training
from pathfinder.workforce.models import PlanLine
from pathfinder.workforce.tests.conftest import training_url


def keys(plan, role, kind):
    return {line.entry.key for line in plan.lines.filter(job_role=role, kind=kind).select_related("entry")}


def test_it_drafts_every_level_up_to_the_one_a_role_needs(world):
    plan = plans.draft_plan(world.programme, None, world.lead)
    admin, practitioners, clinicians = (keys(plan, role, "core") for role in ("admin", "practitioner", "clinician"))
    assert "ti-elearning" in admin and "ts-elearning" not in admin
    assert {"ti-elearning", "ts-elearning", "ts-substance-use"} <= practitioners
    assert "safety-and-stabilisation" not in practitioners
    assert {"ti-elearning", "ts-elearning", "safety-and-stabilisation"} <= clinicians
    assert "specialist-therapy" not in clinicians
    # Scaffolding sessions follow training; they are not core training themselves.
    assert not any(line.entry.scaffolding for line in plan.lines.filter(kind="core").select_related("entry"))
    assert set(plan.lines.values_list("priority", flat=True)) == {"normal"}


def test_leaders_training_is_only_for_leaders(world):
    plan = plans.draft_plan(world.programme, None, world.lead)
    assert "stilt" in keys(plan, "manager", "core")
    assert "stilt" not in keys(plan, "practitioner", "core")
    assert "leadership-coaching" in keys(plan, "team_leader", "scaffolding")


def test_every_role_gets_an_induction_pack_at_its_level(world):
    plan = plans.draft_plan(world.programme, None, world.lead)
    assert keys(plan, "admin", "induction") == {
        entry.key for entry in training.active_entries(world.service) if entry.induction and entry.level == "informed"
    }
    assert "ts-substance-use" in keys(plan, "practitioner", "induction")


def test_scaffolding_is_only_for_roles_with_skilled_training(world):
    plan = plans.draft_plan(world.programme, None, world.lead)
    assert keys(plan, "admin", "scaffolding") == set()
    assert {"team-learning-after-elearning", "learning-partner"} <= keys(plan, "practitioner", "scaffolding")
    assert "safety-and-stabilisation-practice" in keys(plan, "clinician", "scaffolding")


def test_it_explains_each_role_and_records_the_drafting(world):
    plan = plans.draft_plan(world.programme, None, world.lead)
    assert plan.reasoning["clinician"] == [
        "Nurses and other clinicians need the trauma-enhanced level in the service's role map. "
        "Levels build on each other, so the plan includes the trauma-informed and trauma-skilled levels too."
    ]
    assert "no survey results were used" in plan.summary
    event = AuditEvent.objects.get(kind="training.plan_drafted")
    assert (event.actor, event.target_id, event.detail["survey"]) == (world.lead, str(plan.pk), None)


def test_the_lead_drafts_a_plan_from_the_page(world, as_user):
    client = as_user(world.lead)
    page = client.get(training_url(world.programme, "plan/new/")).page
    assert "None: draft it from the role map only" in page.text()
    response = client.post(training_url(world.programme, "plan/new/"), {"survey": "none", "title": ""})
    plan = world.programme.training_plans.get()
    assert response.status_code == 302 and response["Location"] == f"/training-plans/{plan.pk}/"
    assert plan.title == "Training plan from the role map"
    text = as_user(world.viewer).get(f"/training-plans/{plan.pk}/").page.text()
    assert "Induction pack for new starters" in text and "Scaffolding: putting training into practice" in text
    assert "Practitioners and key workers need the trauma-skilled level" in text
    assert PlanLine.objects.filter(plan=plan).count() > 50
