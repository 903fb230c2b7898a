from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "pathfinder.discovery"
    label = "discovery"
    verbose_name = "Phase one"

    def ready(self) -> None:
        # Each part of phase one plugs its panels, nav items and finding sources in.
        from pathfinder.discovery import registration_documents, registration_partners  # noqa: F401
