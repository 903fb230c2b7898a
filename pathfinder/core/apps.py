from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pathfinder.core"
    label = "core"
    verbose_name = "Tenancy, roles and audit"

    def ready(self) -> None:
        from pathfinder.core import nav_items, permissions  # noqa: F401  registrations
