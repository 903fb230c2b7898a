"""The demo has the example measure with records, loaded once, whose figures are released."""

from io import StringIO

from django.core.management import call_command

from pathfinder.instruments import disclosure
from pathfinder.measures import results
from pathfinder.measures.models import Measure, Record


def test_the_demo_records_the_example_measure_once(db):
    call_command("pathfinder", "demo", stdout=StringIO())
    call_command("pathfinder", "demo", stdout=StringIO())
    measure = Measure.objects.prefetch_related("instrument__versions").get()
    assert Record.objects.count() == 26
    found = results.for_measures([measure])[measure.pk]
    assert [period.figures.people for period in found.periods] == [14, 12]
    assert not disclosure.is_hidden(found.change.people)
