from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "pathfinder.surveys"
    label = "surveys"
    verbose_name = "Anonymous surveys"

    def ready(self) -> None:
        from pathfinder.core.crypto import register_rotation
        from pathfinder.surveys import registration  # noqa: F401  nav and dashboard panel
        from pathfinder.surveys.services import rotate_keys

        register_rotation("survey answers", rotate_keys)
