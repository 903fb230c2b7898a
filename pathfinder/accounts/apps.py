from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pathfinder.accounts"
    label = "accounts"
    verbose_name = "Accounts and sign-in"

    def ready(self) -> None:
        from pathfinder.accounts import checks, kept, signals  # noqa: F401
        from pathfinder.accounts.services import rotate_authenticator_secrets
        from pathfinder.core.crypto import register_rotation

        register_rotation("authenticator secrets", rotate_authenticator_secrets)
        register_rotation("kept submissions", kept.rotate_all)
