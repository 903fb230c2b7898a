"""Load instrument definition files into versioned rows.

Loading the same file twice changes nothing. Loading different content under
a version that already exists is refused: bump the version instead, so answers
given against the old wording keep pointing at exactly that wording.
"""

import hashlib
import json
from pathlib import Path

from django.db import transaction

from pathfinder.instruments.definition import Definition, DefinitionError, parse
from pathfinder.instruments.models import Instrument, InstrumentVersion
from pathfinder.programmes.domain import Theme

BUILTIN_DIR = Path(__file__).parent / "definitions"


def checksum(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def parse_text(text: str, source: str = "") -> Definition:
    return parse(text, source=source, themes=tuple(Theme.values))


@transaction.atomic
def store(
    definition: Definition, *, owner=None, by=None, based_on=None, notes: str = "", name: str = "", using="default"
):
    data = definition.raw
    digest = checksum(data)
    name = name or definition.name
    instrument, _ = Instrument.objects.using(using).get_or_create(
        key=definition.key,
        owner=owner,
        defaults={"name": name, "purpose": definition.purpose, "based_on": based_on},
    )
    existing = instrument.versions.using(using).filter(version=definition.version).first()
    if existing is not None:
        if existing.checksum != digest:
            raise DefinitionError(
                [
                    f"version {definition.version} of {definition.key} is already loaded with different content; "
                    "give the changed file a higher version number"
                ]
            )
        return existing
    if instrument.name != name:
        instrument.name = name
        instrument.save(update_fields=["name"])
    return InstrumentVersion.objects.using(using).create(
        instrument=instrument, version=definition.version, definition=data, checksum=digest, loaded_by=by, notes=notes
    )


def load_file(path: Path | str, *, owner=None, by=None) -> InstrumentVersion:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DefinitionError([f"cannot read the file ({error})"], str(path)) from None
    return store(parse_text(text, source=path.name), owner=owner, by=by)


def load_builtins(using="default") -> list[InstrumentVersion]:
    return [
        store(parse_text(path.read_text(encoding="utf-8"), source=path.name), using=using)
        for path in sorted(BUILTIN_DIR.glob("*.yaml"))
    ]
