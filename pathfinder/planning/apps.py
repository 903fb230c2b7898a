from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "pathfinder.planning"
    label = "planning"
    verbose_name = "Theory of change, implementation plan and group"

    def ready(self) -> None:
        from pathfinder.planning import registration  # noqa: F401  nav, dashboard panel, findings source, demo
