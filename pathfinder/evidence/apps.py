from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "pathfinder.evidence"
    label = "evidence"
    verbose_name = "Evidence of change"

    def ready(self) -> None:
        from pathfinder.evidence import (
            registration,  # noqa: F401  nav, dashboard panel
            registration_progress,  # noqa: F401  MAT measures, Progress panel
        )
