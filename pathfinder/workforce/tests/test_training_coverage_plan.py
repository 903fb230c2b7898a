"""“Trained at a level” means the person has done what the training plan asks
of their role at that level, not just any one piece of training at it."""

from datetime import date

from pathfinder.workforce import training
from pathfinder.workforce.models import PlanLine, TrainingPlan
from pathfinder.workforce.tests.conftest import add_staff, entry, training_url


def plan_asking(world, role, *keys):
    plan = TrainingPlan.objects.create(programme=world.programme, title="Our plan", created_by=world.lead)
    for key in keys:
        item = entry(world.service, key)
        PlanLine.objects.create(plan=plan, job_role=role, level=item.level, entry=item, kind=PlanLine.Kind.CORE)
    return plan


def informed(world):
    row = training.coverage(world.service, world.programme).levels[0]
    return row.trained, row.needed


def test_it_counts_someone_trained_only_when_they_have_all_the_plan_asks(world):
    [admin] = add_staff(world.service, "admin")
    training.add_record(admin, entry(world.service, "ti-elearning"), date(2026, 1, 5), by=world.lead)
    plan_asking(world, "admin", "ti-elearning", "ti-films")
    assert informed(world) == (0, 1)
    training.add_record(admin, entry(world.service, "ti-films"), date(2026, 2, 5), by=world.lead)
    assert informed(world) == (1, 1)


def test_without_a_plan_any_training_at_the_level_counts(world):
    [admin] = add_staff(world.service, "admin")
    training.add_record(admin, entry(world.service, "ti-films"), date(2026, 1, 5), by=world.lead)
    assert informed(world) == (1, 1)


def test_the_register_says_trained_at_every_level_only_when_the_plan_is_met(world, as_user):
    [admin] = add_staff(world.service, "admin")
    training.add_record(admin, entry(world.service, "ti-elearning"), date(2026, 1, 5), by=world.lead)
    plan_asking(world, "admin", "ti-elearning", "ti-films")
    client = as_user(world.lead)
    page = client.get(training_url(world.programme, "people/")).page
    assert "Trained at every level needed" not in page.text()
    person = client.get(training_url(world.programme, f"people/{admin.pk}/")).page
    assert "Not yet trained as the plan asks at: trauma-informed." in person.text()
    # The overview and the dashboard panel count the same way.
    overview = client.get(training_url(world.programme)).page
    assert [cell.text_content().split()[-1] for cell in overview.css("#coverage-informed td")[1:4]] == ["1", "0", "0%"]
