from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "pathfinder.programmes"
    label = "programmes"
    verbose_name = "Programmes, phases and findings"

    def ready(self) -> None:
        from pathfinder.programmes import findings_sources, navigation  # noqa: F401  registrations
