"""The built-in vignettes, kept as data in vignettes.yaml.

`load_builtins` runs after every migrate (see apps.py) so each database has
them, test databases included; loading twice changes nothing. A service sees
the built-in library and its own vignettes, never another service's.
"""

from pathlib import Path

import yaml
from django.db.models import Q

from pathfinder.lens.models import Tier, Vignette

LIBRARY = Path(__file__).parent / "vignettes.yaml"
FIELDS = {"key", "name", "age", "tier", "story", "purpose", "content_note"}


class LibraryError(ValueError):
    pass


def read_library(text: str | None = None) -> list[dict]:
    """The vignettes in the file, checked: every field present, a known tier."""
    data = yaml.safe_load(LIBRARY.read_text(encoding="utf-8") if text is None else text)
    entries = data.get("vignettes") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise LibraryError("vignettes.yaml needs a non-empty list under 'vignettes'.")
    seen = set()
    cleaned = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) != FIELDS:
            raise LibraryError(f"Vignette {number} needs exactly these fields: {sorted(FIELDS)}.")
        if entry["tier"] not in Tier.values:
            raise LibraryError(f"Vignette {entry['key']!r}: tier must be one of {Tier.values}.")
        if entry["key"] in seen:
            raise LibraryError(f"Vignette key {entry['key']!r} is used twice.")
        seen.add(entry["key"])
        cleaned.append(
            {
                "key": str(entry["key"]),
                "name": str(entry["name"]).strip(),
                "age": int(entry["age"]),
                "tier": entry["tier"],
                "story": " ".join(str(entry["story"]).split()),
                "purpose": " ".join(str(entry["purpose"]).split()),
                "content_note": " ".join(str(entry["content_note"] or "").split()),
            }
        )
    return cleaned


def load_builtins(using: str = "default") -> None:
    manager = Vignette._default_manager.db_manager(using)
    existing = {vignette.key: vignette for vignette in manager.filter(service__isnull=True)}
    for entry in read_library():
        current = existing.get(entry["key"])
        if current is None:
            manager.create(service=None, **entry)
        elif any(getattr(current, name) != value for name, value in entry.items()):
            for name, value in entry.items():
                setattr(current, name, value)
            current.save(using=using)


def library_for(service):
    """Built-in vignettes and the service's own."""
    return Vignette._default_manager.filter(Q(service__isnull=True) | Q(service=service))
