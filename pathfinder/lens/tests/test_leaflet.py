"""The communications leaflet: the pathway, waits, what is being done about
known problems and how to give feedback, as an A4 PDF in two layouts."""

import subprocess

from pathfinder.lens import services
from pathfinder.lens.tests.conftest import note


def pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def page_size(content: bytes) -> str:
    result = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True)
    return next(line for line in result.stdout.decode().splitlines() if line.startswith("Page size"))


def test_the_lead_edits_the_words_starting_from_the_top_priorities(world, as_user, open_event, stages):
    services.add_priority(open_event, title="Clearer waits", description="We will text everyone their wait")
    client = as_user(world.lead)
    page = client.get(f"/lens-events/{open_event.pk}/leaflet/").page
    assert page.css("textarea[name=leaflet_progress]")[0].text == "Clearer waits: We will text everyone their wait."
    assert "is a first draft from the top priorities" in page.text()
    response = client.post(
        f"/lens-events/{open_event.pk}/leaflet/",
        {
            "leaflet_intro": "Welcome to our service.",
            "leaflet_progress": "- You told us waits were unclear. We now text everyone their wait.\n- Psychology no longer asks you to stop using first.",
            "leaflet_feedback": "Tell any member of staff.\nFill in a card in the waiting room.",
            "version": open_event.version,
        },
    )
    assert response.status_code == 302
    open_event.refresh_from_db()
    assert open_event.leaflet_progress.startswith("- You told us")


def test_the_standard_leaflet(world, as_user, open_event, stages):
    open_event.leaflet_progress = "You told us waits were unclear. We now text everyone their wait."
    open_event.save()
    response = as_user(world.member).get(f"/lens-events/{open_event.pk}/leaflet/standard.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="home-service-leaflet.pdf"'
    assert "595.276 x 841.89 pts (A4)" in page_size(response.content)
    text = pdf_text(response.content)
    assert "Your journey through Home Drug and Alcohol Service" in text
    assert text.index("1. Referral") < text.index("2. First contact") < text.index("5. Review")
    assert "What happens at assessment." in text
    assert "How long it usually takes: 2 weeks" in text
    assert "What we are doing about known problems" in text and "We now text everyone their wait." in text
    assert "Tell us what you think" in text and "You do not have to give your name." in text


def test_the_easy_read_leaflet_has_one_idea_per_line(world, as_user, open_event, stages):
    services.edit_stage(stages[0], version=stages[0].version, what_happens="You get in touch. Or your GP does.")
    open_event.leaflet_progress = "Waits were unclear. Now we text you."
    open_event.save()
    response = as_user(world.lead).get(f"/lens-events/{open_event.pk}/leaflet/easy-read.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="home-service-leaflet-easy-read.pdf"'
    assert "A4" in page_size(response.content)
    raw = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    assert "Step 1: Referral" in lines
    assert any(line.endswith("You get in touch.") for line in lines)
    assert any(line.endswith("Or your GP does.") for line in lines)
    assert any(line.endswith("Now we text you.") for line in lines)
    text = pdf_text(response.content)
    assert "Easy read" in text and "How long: 2 weeks." in text


def test_retired_stages_are_left_out(world, as_user, open_event, stages):
    note(open_event, stages[1])
    services.remove_stage(stages[1], by=world.lead)
    text = pdf_text(as_user(world.lead).get(f"/lens-events/{open_event.pk}/leaflet/standard.pdf").content)
    assert "First contact" not in text
    assert "2. Assessment" in text


def test_an_unknown_layout_is_not_found(world, as_user, open_event):
    assert as_user(world.lead).get(f"/lens-events/{open_event.pk}/leaflet/huge.pdf").status_code == 404
    assert as_user(world.viewer).get(f"/lens-events/{open_event.pk}/leaflet/").status_code == 403


def test_the_leaflet_carries_the_service_contact_details(world, as_user, open_event, stages):
    client = as_user(world.lead)
    client.post(
        f"/lens-events/{open_event.pk}/leaflet/",
        {
            "leaflet_intro": "Welcome.",
            "leaflet_progress": "",
            "leaflet_feedback": "Tell any member of staff.",
            "leaflet_contact": "12 High Street, Lochmore\nPhone 01234 567890",
            "version": open_event.version,
        },
    )
    for layout in ("standard", "easy-read"):
        text = pdf_text(client.get(f"/lens-events/{open_event.pk}/leaflet/{layout}.pdf").content)
        assert "12 High Street, Lochmore" in text and "Phone 01234 567890" in text


def test_the_easy_read_leaflet_opens_with_the_lead_s_own_words(world, as_user, open_event, stages):
    open_event.leaflet_intro = "Hello from the Lochmore team. We are here to help."
    open_event.save()
    text = pdf_text(as_user(world.lead).get(f"/lens-events/{open_event.pk}/leaflet/easy-read.pdf").content)
    assert "Hello from the Lochmore team." in text and "We are here to help." in text
    assert "This leaflet tells you what happens when you come to us." not in text


def test_the_contact_details_carry_over_to_the_next_event(world, open_event):
    open_event.leaflet_contact = "Phone 01234 567890"
    open_event.save()
    later = services.create_event(programme=world.programme, title="Next event", by=world.lead)
    assert later.leaflet_contact == "Phone 01234 567890"
