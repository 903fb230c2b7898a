from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "pathfinder.reports"
    label = "reports"
    verbose_name = "Reports, charts and downloads"
