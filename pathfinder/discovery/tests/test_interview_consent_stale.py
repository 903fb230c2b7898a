"""Recording consent from a page opened before someone else changed the
interview is refused with a clear message, and nothing is recorded."""

from pathfinder.discovery.services import interviews as services
from pathfinder.discovery.tests.interview_factories import interview


def test_it_refuses_a_stale_consent(world, as_user):
    made = interview(world, consent=False)
    client = as_user(world.lead)
    opened = client.get(f"/interviews/{made.pk}/consent/").page.form_data()
    services.record_consent(made, may_record=True, version=made.version, by=world.member)
    services.withdraw_consent(made, by=world.member)
    data = opened | {"take_part": "on", "may_record": "no"}
    page = client.post(f"/interviews/{made.pk}/consent/", data).page
    assert page.title.startswith("Error: ")
    assert "Someone else changed this interview while you had it open" in page.text()
    made.refresh_from_db()
    assert not made.has_consent
