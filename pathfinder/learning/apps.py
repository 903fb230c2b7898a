from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "pathfinder.learning"
    label = "learning"
    verbose_name = "The programme's learning report"

    def ready(self) -> None:
        from pathfinder.learning import registration  # noqa: F401  dashboard panel
