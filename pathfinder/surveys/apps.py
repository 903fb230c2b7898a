from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "pathfinder.surveys"
    label = "surveys"
    verbose_name = "Anonymous surveys"

    def ready(self) -> None:
        from pathfinder.surveys import registration  # noqa: F401  nav and dashboard panel
