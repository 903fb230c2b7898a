from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "pathfinder.measures"
    label = "measures"
    verbose_name = "Outcome and screening measures"
