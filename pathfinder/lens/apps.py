from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LensConfig(AppConfig):
    name = "pathfinder.lens"
    label = "lens"
    verbose_name = "Trauma-informed lens event"

    def ready(self) -> None:
        post_migrate.connect(_load_vignettes, sender=self)
        from pathfinder.lens import registration  # noqa: F401  nav, dashboard panel, findings source, demo


def _load_vignettes(sender, using="default", **kwargs) -> None:
    # Like the built-in instruments: every database has the vignette library, test ones too.
    from pathfinder.lens.library import load_builtins

    load_builtins(using=using)
