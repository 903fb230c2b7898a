from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "pathfinder.measures"
    label = "measures"
    verbose_name = "Outcome and screening measures"

    def ready(self) -> None:
        from pathfinder.measures import registration  # noqa: F401  dashboard panel, progress measures
