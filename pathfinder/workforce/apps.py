from pathlib import Path

from django.apps import AppConfig
from django.db.models.signals import post_migrate

DEFINITIONS = Path(__file__).parent / "definitions"
# Loaded as built-in instruments, ready for surveys. The example licensed measure in
# the same folder is deliberately not: it is made up, for tests only.
BUILTIN_DEFINITIONS = ("tna.yaml", "wellbeing-pulse.yaml")


class WorkforceConfig(AppConfig):
    name = "pathfinder.workforce"
    label = "workforce"
    verbose_name = "Workforce: practice levels, training and wellbeing"

    def ready(self) -> None:
        from pathfinder.core.crypto import register_rotation
        from pathfinder.workforce.services import rotate_all

        register_rotation("wellbeing plans", rotate_all)
        post_migrate.connect(_load_definitions, sender=self)
        from pathfinder.workforce import registration  # noqa: F401  nav, dashboard panel, findings source, demo


def _load_definitions(sender, using="default", **kwargs) -> None:
    # Like the instruments app's own built-ins: every database has them, test ones too.
    # Loading is idempotent; a changed file needs a higher version number.
    from pathfinder.instruments.loading import parse_text, store

    for name in BUILTIN_DEFINITIONS:
        path = DEFINITIONS / name
        store(parse_text(path.read_text(encoding="utf-8"), source=name), using=using)
