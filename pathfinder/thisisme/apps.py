from django.apps import AppConfig


class ThisIsMeConfig(AppConfig):
    name = "pathfinder.thisisme"
    label = "thisisme"
    verbose_name = "'This is me': profiles people hold, consent and the access log"

    def ready(self) -> None:
        from pathfinder.core.crypto import register_rotation
        from pathfinder.thisisme.people import rotate_all

        register_rotation("'This is me' profiles", rotate_all)
        from pathfinder.thisisme import registration  # noqa: F401  dashboard panel, demo
