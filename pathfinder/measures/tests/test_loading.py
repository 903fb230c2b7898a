"""Loading measures: the example, a file a service uploads, and bad files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.core.models import AuditEvent
from pathfinder.instruments.definition import DefinitionError, parse
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.instruments.services import versions_for
from pathfinder.measures import services
from pathfinder.measures.models import Measure
from pathfinder.measures.tests.helpers import BAD, LICENSED, example


def _upload(client, world, text: str, name: str = "measure.yaml", better: str = "higher"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/x-yaml")
    return client.post(f"/programmes/{world.programme.pk}/measures/upload/", {"file": file, "better": better})


def test_the_example_loads_for_the_service_and_says_it_is_an_example(world):
    measure = example(world)
    version = measure.latest_version
    assert measure.service == world.service
    assert version.instrument.owner == world.service
    assert version.instrument.purpose == "outcome_measure"
    assert "not a real measure" in str(measure)
    # Loading it again changes nothing.
    assert example(world).pk == measure.pk
    assert InstrumentVersion.objects.filter(instrument=version.instrument).count() == 1
    assert AuditEvent.objects.filter(kind=services.LOADED, service=world.service).exists()


def test_the_example_button_loads_it(world, as_user):
    client = as_user(world.lead)
    response = client.post(f"/programmes/{world.programme.pk}/measures/example/")
    assert response.status_code == 302
    page = client.get(f"/programmes/{world.programme.pk}/measures/")
    assert "Example wellbeing check" in page.content.decode()


def test_a_good_file_uploads_for_that_service_only(world, as_user):
    response = _upload(as_user(world.lead), world, LICENSED)
    assert response.status_code == 302
    measure = Measure.objects.get(instrument__key="licensed-recovery-star")
    assert measure.service == world.service
    # Other services never see it: not in their tools, not on their pages.
    assert not versions_for(world.other_service).filter(instrument__key="licensed-recovery-star").exists()
    outsider = as_user(world.outsider)
    for path in ("", "record/", "results.xlsx"):
        assert outsider.get(f"/programmes/{world.programme.pk}/measures/{measure.pk}/{path}").status_code == 404
    listing = outsider.get(f"/programmes/{world.other_programme.pk}/measures/")
    assert "Recovery outcomes tool" not in listing.content.decode()


def test_the_same_file_at_another_service_is_a_separate_measure(world):
    mine = services.load(world.service, text=LICENSED, name="a.yaml", better="higher", by=world.lead)
    theirs = services.load(world.other_service, text=LICENSED, name="a.yaml", better="lower", by=world.outsider)
    assert mine.instrument_id != theirs.instrument_id
    assert theirs.better == "lower"


def test_a_bad_file_names_the_line_and_field_and_saves_nothing(world, as_user):
    response = _upload(as_user(world.lead), world, BAD)
    assert response.status_code == 400
    text = response.content.decode()
    assert "line 21, sections[0].items[1].colour: is not a field we know" in text
    assert "line 20, sections[0].items[1].scale: there is no scale" in text
    assert "Nothing was saved" in text
    assert not Measure.objects.exists()
    assert not InstrumentVersion.objects.filter(instrument__key="broken-measure").exists()


def test_a_file_for_another_purpose_is_refused(world):
    survey = LICENSED.replace("purpose: outcome_measure", "purpose: survey")
    with pytest.raises(services.CannotLoad) as refused:
        services.load(world.service, text=survey, name="s.yaml", better="higher", by=world.lead)
    assert "only an outcome measure" in refused.value.problems[0]


def test_a_measure_needs_a_scale_item():
    text = """\
key: no-scores
version: 1
name: No scores
purpose: screening
sections:
  - key: one
    title: One
    items:
      - {code: one.a, type: text, text: Tell us.}
"""
    with pytest.raises(DefinitionError) as refused:
        parse(text)
    assert "sections: a measure needs at least one scale item" in str(refused.value)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("measure.docx", b"key: x", "Choose a YAML file"),
        ("measure.yaml", "key: ä".encode("latin-1"), "not plain text"),
        ("measure.yaml", b"x" * (600 * 1024), "bigger than 512 KB"),
    ],
)
def test_files_that_are_not_definitions_are_refused(world, as_user, name, content, message):
    file = SimpleUploadedFile(name, content)
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/measures/upload/", {"file": file, "better": "higher"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Measure.objects.exists()


def test_a_changed_file_needs_a_new_version(world):
    services.load(world.service, text=LICENSED, name="a.yaml", better="higher", by=world.lead)
    changed = LICENSED.replace("Where the person is with their health.", "Their health now.")
    with pytest.raises(services.CannotLoad) as refused:
        services.load(world.service, text=changed, name="a.yaml", better="higher", by=world.lead)
    assert "higher version number" in refused.value.problems[0]
    newer = changed.replace("version: 1", "version: 2")
    measure = services.load(world.service, text=newer, name="a.yaml", better="higher", by=world.lead)
    assert measure.latest_version.version == 2
