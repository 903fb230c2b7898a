"""Overdue reviews are flagged on the programme dashboard, through a panel
the register registers (the dashboard does not import it)."""

from datetime import date

from pathfinder.discovery.tests.factories_documents import a_document


def _add(world, title, next_review_on, status="not_started"):
    return a_document(world, title, kind="guidance", next_review_on=next_review_on, status=status)


def test_it_flags_overdue_reviews_on_the_dashboard(world, as_user, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2026, 12, 1))
    _add(world, "Lone working guidance", date(2026, 6, 1))
    _add(world, "Done already", date(2026, 6, 1), status="done")
    _add(world, "Not due yet", date(2027, 6, 1))
    text = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page.text()
    assert "3 documents in the register" in text
    assert "1 review overdue" in text
    assert "Lone working guidance : review was due 1 June 2026" in text
    assert "Done already : review" not in text
    register = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/documents/").page.text()
    assert "1 document is past the next review date: Lone working guidance ." in register
