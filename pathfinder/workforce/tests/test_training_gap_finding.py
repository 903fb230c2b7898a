"""A coverage gap becomes a finding for the implementation plan, once."""

from pathfinder.core.models import AuditEvent
from pathfinder.programmes.models import Finding
from pathfinder.workforce.tests.conftest import add_staff, training_url


def test_a_gap_becomes_a_finding_once(world, as_user):
    add_staff(world.service, "practitioner", 2)
    client = as_user(world.member)
    url = training_url(world.programme, "gaps/")
    response = client.post(url, {"level": "skilled"})
    assert response.status_code == 302
    assert response["Location"] == training_url(world.programme) + "#coverage-skilled"
    finding = Finding.objects.get(programme=world.programme)
    assert (finding.theme, finding.kind, finding.source_type, finding.source_id, finding.source_label) == (
        "skills",
        "gap",
        "training",
        "coverage:skilled",
        "Training coverage",
    )
    assert finding.text == (
        "Only 0 of the 2 staff whose roles need trauma-skilled practice are trained at that level (0%). "
        "The service aims for at least 75%."
    )
    client.post(url, {"level": "skilled"})
    assert Finding.objects.filter(programme=world.programme).count() == 1
    assert AuditEvent.objects.filter(kind="finding.created").count() == 1
    page = client.get(training_url(world.programme)).page
    assert "In the findings" in page.css("#coverage-skilled")[0].text_content()
    findings = client.get(f"/programmes/{world.programme.pk}/findings/").page
    assert findings.css(f"a[href='{training_url(world.programme)}']")


def test_a_level_that_is_not_a_gap_is_not_added(world, as_user):
    response = as_user(world.lead).post(training_url(world.programme, "gaps/"), {"level": "enhanced"})
    assert response.status_code == 302
    assert not Finding.objects.filter(programme=world.programme).exists()


def test_an_unknown_level_is_not_found(world, as_user):
    assert as_user(world.lead).post(training_url(world.programme, "gaps/"), {"level": "expert"}).status_code == 404


def test_only_people_who_record_findings_see_the_button(world, as_user):
    add_staff(world.service, "practitioner")
    assert as_user(world.member).get(training_url(world.programme)).page.css("form[action$='/training/gaps/']")
    assert not as_user(world.viewer).get(training_url(world.programme)).page.css("form[action$='/training/gaps/']")
