"""The register, a document, a review and working group pages make the same
number of queries however many documents, reviews and answers there are."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.discovery.models import Document, DocumentReview
from pathfinder.discovery.services import documents as services
from pathfinder.discovery.tests.factories_documents import a_document


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _grow(world, group):
    document = a_document(world, "A form", working_group=group, next_review_on=date(2026, 1, 1))
    services.record_review(
        document=document,
        by=world.lead,
        reviewed_on=date(2026, 11, 1),
        working_group=group,
        answers={"retell": {"answer": "yes", "found": "Asks twice.", "proposed": "Ask once."}},
    )
    services.record_meeting(group, by=world.lead, held_on=date(2026, 11, 2))


@pytest.mark.parametrize(
    "url",
    [
        lambda w: f"/programmes/{w.programme.pk}/documents/",
        lambda w: f"/programmes/{w.programme.pk}/",
        lambda w: f"/documents/{Document.objects.order_by('id').first().pk}/",
        lambda w: f"/document-reviews/{DocumentReview.objects.order_by('id').first().pk}/",
        lambda w: f"/programmes/{w.programme.pk}/working-groups/",
        lambda w: f"/working-groups/{w.programme.working_groups.get().pk}/",
        lambda w: f"/programmes/{w.programme.pk}/phase-one/",
    ],
    ids=["register", "dashboard", "document", "review", "groups", "group", "phase-one"],
)
def test_query_count_does_not_grow_with_documents(world, as_user, url):
    group = services.add_working_group(
        programme=world.programme, by=world.lead, name="Forms", members=[world.memberships.member]
    )
    _grow(world, group)
    client = as_user(world.lead)
    before = _queries(client, url(world))
    for _ in range(4):
        _grow(world, group)
    assert _queries(client, url(world)) == before
