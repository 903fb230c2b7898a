from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "pathfinder.workforce"
    label = "workforce"
    verbose_name = "Workforce: practice levels, training and wellbeing"
