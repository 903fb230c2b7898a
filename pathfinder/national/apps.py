from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "pathfinder.national"
    label = "national"
    verbose_name = "The national view"

    def ready(self) -> None:
        from pathfinder.national import registration  # noqa: F401  dashboard panel
