from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InstrumentsConfig(AppConfig):
    name = "pathfinder.instruments"
    label = "instruments"
    verbose_name = "Instruments (questionnaires as data)"

    def ready(self) -> None:
        post_migrate.connect(_load_builtins, sender=self)


def _load_builtins(sender, using="default", **kwargs) -> None:
    # Built-in instruments are part of the product: make sure every database
    # has them, including fresh test databases.
    from pathfinder.instruments.loading import load_builtins

    load_builtins(using=using)
