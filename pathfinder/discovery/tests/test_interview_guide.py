"""The interview guide is a built-in, versioned instrument a service can adapt."""

from pathfinder.discovery.tests.interview_factories import guide
from pathfinder.instruments import services as instrument_services

AREAS = [
    "role",
    "service",
    "understanding",
    "wellbeing",
    "lived_experience",
    "leadership",
    "documents",
    "concerns",
    "next_steps",
]


def test_it_is_loaded_as_an_interview_guide(world):
    version = guide(world)
    assert version.instrument.purpose == "interview_guide"
    assert [section.key for section in version.parsed.sections] == AREAS
    assert version.parsed.sections[6].asks_for_names


def test_it_is_adapted_through_the_instrument_engine(world):
    version = guide(world)
    adapted = instrument_services.adapt(
        version,
        service=world.service,
        rewordings={"role.job": "What do you do here?"},
        dropped={"role.tenure"},
        added={"wellbeing": "Is there a quiet space to take a break?"},
        notes="Shorter opening",
        by=world.lead,
    )
    sections = {section.key: section for section in adapted.parsed.sections}
    assert [item.text for item in sections["role"].items] == ["What do you do here?"]
    probe = sections["wellbeing"].items[-1]
    assert (probe.type, probe.optional, probe.text) == ("text", True, "Is there a quiet space to take a break?")
    assert adapted.instrument.owner == world.service and adapted.instrument.purpose == "interview_guide"


def test_the_lead_adapts_it_from_the_guide_page(world, as_user):
    client = as_user(world.lead)
    version = guide(world)
    page = client.get(f"/services/{world.service.slug}/interview-guide/{version.pk}/adapt/").page
    data = page.form_data()
    data["add_concerns"] = "Is there anything you would like us to keep to ourselves?"
    data["notes"] = "A probe about confidentiality"
    response = client.post(f"/services/{world.service.slug}/interview-guide/{version.pk}/adapt/", data)
    assert response.status_code == 302
    page = client.get(response["Location"]).page
    assert "Is there anything you would like us to keep to ourselves?" in page.text()
    assert "Version 1, Home Drug and Alcohol Service's own" in page.text()


def test_it_downloads_as_a_printable_pdf(world, as_user):
    response = as_user(world.member).get(f"/services/{world.service.slug}/interview-guide/{guide(world).pk}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    from pathfinder.core.text_extract import extract

    text = " ".join(extract("guide.pdf", response.content).text.split())
    assert "Familiarisation interview guide" in text
    assert "Support for staff wellbeing" in text  # a question area
    assert "Record both answers in Pathfinder before writing any notes." in text


def test_the_engine_checks_the_names_flag():
    import pytest

    from pathfinder.instruments.definition import DefinitionError
    from pathfinder.instruments.loading import parse_text

    text = """
key: a-guide
version: 1
name: A guide
purpose: interview_guide
sections:
  - key: documents
    title: Documents
    asks_for_names: perhaps
    items:
      - {code: documents.which, type: text, text: Which documents}
"""
    with pytest.raises(DefinitionError, match="asks_for_names: should be true or false"):
        parse_text(text)
    assert parse_text(text.replace("perhaps", "true")).sections[0].asks_for_names
