"""Loading definitions: versions are kept, the same file twice changes nothing,
changed content needs a new version number."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pathfinder.instruments.definition import DefinitionError
from pathfinder.instruments.loading import load_file
from pathfinder.instruments.models import Instrument, InstrumentVersion
from pathfinder.instruments.tests.test_definition import GOOD


def write(tmp_path, text, name="tiny.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_the_built_in_instrument_is_there_after_migrating(db):
    assert (
        InstrumentVersion.objects.filter(
            instrument__key="ti-organisational-self-assessment", instrument__owner=None
        ).count()
        == 1
    )


def test_loading_the_same_file_twice_changes_nothing(db, tmp_path):
    path = write(tmp_path, GOOD)
    first = load_file(path)
    assert load_file(path) == first
    assert InstrumentVersion.objects.filter(instrument__key="tiny").count() == 1


def test_changed_content_under_the_same_version_is_refused(db, tmp_path):
    load_file(write(tmp_path, GOOD))
    with pytest.raises(DefinitionError, match="higher version number"):
        load_file(write(tmp_path, GOOD.replace("text: One", "text: One again")))
    version_two = load_file(
        write(tmp_path, GOOD.replace("text: One", "text: One again").replace("version: 1", "version: 2"))
    )
    assert version_two.version == 2
    assert InstrumentVersion.objects.filter(instrument__key="tiny").count() == 2


def test_the_command_loads_a_licensed_measure_for_one_service_only(world, tmp_path):
    out = StringIO()
    call_command(
        "pathfinder", "loadinstrument", str(write(tmp_path, GOOD)), "--service", world.service.slug, stdout=out
    )
    assert "for Home Drug and Alcohol Service" in out.getvalue()
    assert Instrument.objects.get(key="tiny").owner == world.service


def test_the_command_lists_the_problems_and_loads_nothing(db, tmp_path):
    bad = GOOD.replace("scale: agree", "scale: nope")
    with pytest.raises(CommandError, match=r'line 16, sections\[0\].items\[0\].scale: there is no scale called "nope"'):
        call_command("pathfinder", "loadinstrument", str(write(tmp_path, bad)), stdout=StringIO())
    assert not Instrument.objects.filter(key="tiny").exists()
