from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "pathfinder.discovery"
    label = "discovery"
    verbose_name = "Phase one"

    def ready(self) -> None:
        from pathfinder.discovery import registration_documents  # noqa: F401  dashboard panel, findings source, nav
        from pathfinder.discovery import registration_partners  # noqa: F401  dashboard panel, findings source
