from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pathfinder.accounts"
    label = "accounts"
    verbose_name = "Accounts and sign-in"

    def ready(self) -> None:
        from pathfinder.accounts import signals  # noqa: F401
