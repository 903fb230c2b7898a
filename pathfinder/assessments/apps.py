from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "pathfinder.assessments"
    label = "assessments"
    verbose_name = "Organisational assessment"

    def ready(self) -> None:
        from pathfinder.assessments import registration  # noqa: F401  dashboard panel, nav, findings source
