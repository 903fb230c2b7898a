"""A next review date before the date of the current version is refused,
with a message that says why, and nothing is saved."""

from datetime import date

from pathfinder.core import dates
from pathfinder.discovery.models import Document
from pathfinder.discovery.tests.factories_documents import a_document


def _data(**fields):
    return {
        "title": "Referral pathway",
        "kind": "pathway",
        "owner": "team",
        "changed_by": "team",
        "current_version": "2",
        "version_date": "2026-05-10",
        "next_review_on": "2026-03-01",
        "status": "not_started",
        "working_group": "",
        "notes": "Typed before the mistake.",
        **fields,
    }


def test_it_refuses_a_review_date_before_the_version_date(world, as_user):
    response = as_user(world.member).post(f"/programmes/{world.programme.pk}/documents/new/", _data())
    assert response.status_code == 200
    page = response.page
    assert page.title.startswith("Error: ")
    assert (
        "The next review date is before the date of the current version (10 May 2026). "
        "Enter 10 May 2026 or a later date." in page.text()
    )
    assert "Typed before the mistake." in page.text()  # nothing lost
    assert not Document.objects.exists()  # nothing half-saved


def test_it_refuses_it_when_changing_a_document_too(world, as_user):
    document = a_document(world, "Referral pathway", kind="pathway", version_date=date(2026, 5, 10))
    response = as_user(world.member).post(f"/documents/{document.pk}/edit/", _data(version=str(document.version)))
    assert response.status_code == 200
    assert "is before the date of the current version" in response.page.text()
    document.refresh_from_db()
    assert document.next_review_on is None and document.version == 1


def test_the_same_day_is_fine(world, as_user):
    response = as_user(world.member).post(
        f"/programmes/{world.programme.pk}/documents/new/", _data(next_review_on="2026-05-10")
    )
    assert response.status_code == 302


def test_the_date_rule_knows_an_earliest_day():
    limit = dates.Limit(date(2026, 5, 10), "the version date")
    dates.check(date(2026, 5, 10), what="review date", today=date(2026, 12, 1), earliest=limit)
    try:
        dates.check(date(2026, 5, 9), what="review date", today=date(2026, 12, 1), earliest=limit)
    except dates.DateProblem as problem:
        assert str(problem).startswith("The review date is before the version date (10 May 2026).")
    else:
        raise AssertionError("a date before the earliest day was accepted")


def test_a_review_dated_before_the_version_it_read_is_refused_and_nothing_is_lost(world, as_user):
    from pathfinder.discovery.models import DocumentReview

    document = a_document(world, "Referral pathway", kind="pathway", version_date=date(2026, 5, 10))
    response = as_user(world.member).post(
        f"/documents/{document.pk}/reviews/new/",
        {"reviewed_on": "2026-05-01", "working_group": "", "retell__found": "Asks twice, at referral and at intake."},
    )
    page = response.page
    assert page.title.startswith("Error: ")
    assert "The date of the review is before the date of the current version (10 May 2026)." in page.text()
    assert "Asks twice, at referral and at intake." in page.text()
    assert not DocumentReview.objects.exists()
    document.refresh_from_db()
    assert document.status == Document.Status.NOT_STARTED
