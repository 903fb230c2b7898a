"""The phase one page and panel show every part: interviews, documents and partners."""

from pathfinder.discovery import services_partners
from pathfinder.discovery.services import documents


def test_the_phase_one_page_shows_documents_and_partners_progress(world, as_user):
    documents.add_document(
        programme=world.programme,
        by=world.lead,
        title="Assessment form",
        kind="assessment_form",
        owner="team",
        changed_by="team",
    )
    services_partners.add_partner(
        programme=world.programme, by=world.lead, name="Riverside Medical Practice", kind="gp"
    )
    text = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/phase-one/").page.text()
    assert "1 document registered, 0 reviewed" in text
    assert "1 partner registered" in text
    assert "No interviews yet" in text
