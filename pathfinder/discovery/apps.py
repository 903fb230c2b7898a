from pathlib import Path

from django.apps import AppConfig
from django.db.models.signals import post_migrate

DEFINITIONS = Path(__file__).parent / "definitions"
# Loaded as built-in instruments (purpose: interview_guide).
BUILTIN_DEFINITIONS = ("interview-guide.yaml",)


class DiscoveryConfig(AppConfig):
    name = "pathfinder.discovery"
    label = "discovery"
    verbose_name = "Phase one"

    def ready(self) -> None:
        post_migrate.connect(_load_definitions, sender=self)
        # Each part of phase one plugs its panels, nav items and finding sources in.
        from pathfinder.discovery import registration, registration_documents, registration_partners  # noqa: F401


def _load_definitions(sender, using="default", **kwargs) -> None:
    # Like the other built-in instruments: every database has the guide, test ones too.
    from pathfinder.instruments.loading import parse_text, store

    for name in BUILTIN_DEFINITIONS:
        path = DEFINITIONS / name
        store(parse_text(path.read_text(encoding="utf-8"), source=name), using=using)
