"""The Lochmore demo gets a plan whose actions answer the demo findings."""

from io import StringIO

from django.core.management import call_command

from pathfinder.planning.models import Action, Charter, FeedbackItem, Meeting, ToCLink


def test_the_demo_has_a_plan_and_loads_twice_without_duplicates(db):
    call_command("pathfinder", "demo", stdout=StringIO())
    counts = [model.objects.count() for model in (Action, ToCLink, Charter, Meeting, FeedbackItem)]
    assert all(counts), counts
    call_command("pathfinder", "demo", stdout=StringIO())
    assert [model.objects.count() for model in (Action, ToCLink, Charter, Meeting, FeedbackItem)] == counts
    answering = Action.objects.filter(findings__isnull=False).distinct().count()
    assert answering >= 5
    assert Action.objects.filter(raised_at__isnull=False).exists()
    assert FeedbackItem.objects.filter(published=True).count() == 2
