"""Lens events are listed newest first, and the dashboard shows the newest."""

from datetime import date

from pathfinder.lens import services


def _events(world):
    older = services.create_event(
        programme=world.programme, title="Autumn event", held_on=date(2026, 11, 18), by=world.lead
    )
    later = services.create_event(
        programme=world.programme, title="Spring event", held_on=date(2027, 3, 18), by=world.lead
    )
    newest = services.create_event(programme=world.programme, title="Summer event, no date yet", by=world.lead)
    return older, later, newest


def test_it_lists_events_newest_first(world, as_user):
    _events(world)
    page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/lens/").page
    text = page.text()
    assert text.index("Summer event, no date yet") < text.index("Spring event") < text.index("Autumn event")


def test_it_shows_the_newest_event_on_the_dashboard(world, as_user):
    _events(world)
    text = as_user(world.lead).get(f"/programmes/{world.programme.pk}/").page.text()
    assert "Summer event, no date yet" in text
    assert "Autumn event" not in text
