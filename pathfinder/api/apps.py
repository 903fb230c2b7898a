from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pathfinder.api"
    label = "api"
    verbose_name = "Read-only API"
