"""Every export names what was exported, and the activity log shows it."""

import pytest

from pathfinder.core import audit


def test_it_refuses_an_export_event_that_does_not_say_what(world):
    with pytest.raises(ValueError, match="what"):
        audit.record(audit.Kind.EXPORT, actor=world.lead, service=world.service, format="csv")


def test_the_activity_log_says_what_was_exported(world, as_user):
    audit.record(audit.Kind.EXPORT, actor=world.lead, service=world.service, what="survey results", format="xlsx")

    page = as_user(world.lead).get(f"/services/{world.service.slug}/activity/").page

    assert "Data exported: survey results (XLSX)" in page.text()
