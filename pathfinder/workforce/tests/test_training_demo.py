"""The demo service has a partly trained workforce and a first plan, loaded once."""

from io import StringIO

from django.core.management import call_command

from pathfinder.core.models import Service
from pathfinder.workforce import training
from pathfinder.workforce.models import TrainingPlan, TrainingRecord, WorkforceProfile


def test_the_demo_has_partial_coverage_and_loads_once(db):
    call_command("pathfinder", "demo", stdout=StringIO())
    service = Service.objects.get(slug="lochmore-drug-and-alcohol-service")
    counts = (WorkforceProfile.objects.count(), TrainingRecord.objects.count(), TrainingPlan.objects.count())
    assert counts == (6, 9, 1)
    gaps = [row.level.value for row in training.coverage_gaps(service)]
    assert gaps == ["skilled", "enhanced"]
    call_command("pathfinder", "demo", stdout=StringIO())
    assert (WorkforceProfile.objects.count(), TrainingRecord.objects.count(), TrainingPlan.objects.count()) == counts
