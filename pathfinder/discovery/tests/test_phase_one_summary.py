"""The phase one summary (PDF and Word) covers interviews, documents and
partners, and what phase one found per theme; nobody is named in it."""

import io
from datetime import date

import docx

from pathfinder.core.models import AuditEvent
from pathfinder.core.roles import Role
from pathfinder.discovery import services_partners
from pathfinder.discovery.services import documents
from pathfinder.discovery.tests.factories_documents import a_document
from pathfinder.discovery.tests.factories_partners import LearningFactory
from pathfinder.discovery.tests.interview_factories import interview, tag
from pathfinder.discovery.tests.test_interview_summary import pdf_text
from pathfinder.testing import factories


def _phase_one(world):
    made = interview(world)  # the participant is named "Jo Bloggs"
    tag(made, world, text="Forms ask people to retell their story.")
    form = a_document(
        world,
        owner="hr",
        changed_by="hr",
        next_review_on=date(2027, 3, 1),
        notes="Ask Morag Campbell about the old version.",
    )
    documents.record_review(
        document=form,
        by=world.lead,
        reviewed_on=date(2026, 11, 20),
        answers={"retell": {"answer": "yes", "found": "Asks twice.", "proposed": "Ask once, with consent."}},
    )
    partner = services_partners.add_partner(
        programme=world.programme,
        by=world.lead,
        name="Riverside Medical Practice",
        kind="gp",
        contact_role="Practice manager",
        contact_email="fiona.grant@example.org",
        joint_work=["shared_care"],
    )
    services_partners.record_engagement(partner=partner, what="training", title="Level 1", by=world.lead, joined=True)
    LearningFactory(partner=partner, text="Reviews happen without the person.")
    LearningFactory(partner=partner, text="Dr Reid said no to shared care.")


def test_the_pdf_covers_interviews_documents_and_partners_without_names(world, as_user, tmp_path):
    _phase_one(world)
    response = as_user(world.lead).get(f"/programmes/{world.programme.pk}/interviews/summary.pdf")
    text = pdf_text(response.content, tmp_path)
    assert "Phase one summary" in text
    assert "Familiarisation interviews" in text and "Forms ask people to retell their story." in text
    assert "Documents and their review" in text
    assert "Initial assessment form Assessment form Only HR can change it Changes proposed" in text
    assert "Partners" in text and "Riverside Medical Practice GP practice Shared care 1 1" in text
    assert "Ready for the lens event: what phase one found, theme by theme" in text
    assert "1 change proposed (only HR can change it)" in text
    assert "Barrier, working with Riverside Medical Practice: Reviews happen without the person." in text
    assert "And 1 more barrier: see the partners register." in text
    for name in ["Jo Bloggs", "Morag Campbell", "fiona.grant", "Dr Reid", "Practice manager"]:
        assert name not in text
    assert AuditEvent.objects.filter(kind="data.export", detail__what="phase one summary").count() == 1


def test_the_word_file_says_the_same(world, as_user):
    _phase_one(world)
    response = as_user(world.lead).get(f"/programmes/{world.programme.pk}/interviews/summary.docx")
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(
        [paragraph.text for paragraph in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    assert "Documents and their review" in text and "Riverside Medical Practice" in text
    assert "Jo Bloggs" not in text and "Dr Reid" not in text


def test_the_phase_one_page_offers_the_summary_to_those_who_may_export(world, as_user):
    url = f"/programmes/{world.programme.pk}/phase-one/"
    assert "Download the phase one summary (PDF)" in as_user(world.lead).get(url).page.text()
    staff = factories.UserFactory(full_name="Sam Staff")
    factories.MembershipFactory(user=staff, service=world.service, role=Role.STAFF)
    assert "Download the phase one summary" not in as_user(staff).get(url).page.text()
