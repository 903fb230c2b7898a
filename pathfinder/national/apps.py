from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "pathfinder.national"
    label = "national"
    verbose_name = "The national view"

    def ready(self) -> None:
        from pathfinder.core.crypto import register_rotation
        from pathfinder.national import registration  # noqa: F401  dashboard panel
        from pathfinder.national.survey_results import rotate_all

        register_rotation("national survey summaries", rotate_all)
