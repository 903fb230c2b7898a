"""The demo has two familiarisation interviews, loaded once."""

from io import StringIO

from django.core.management import call_command

from pathfinder.discovery.models import Interview, InterviewTag


def test_it_loads_demo_interviews_once(db):
    call_command("pathfinder", "demo", stdout=StringIO())
    call_command("pathfinder", "demo", stdout=StringIO())
    assert Interview.objects.count() == 2
    assert all(interview.has_consent for interview in Interview.objects.all())
    assert InterviewTag.objects.count() == 4
