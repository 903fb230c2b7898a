from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pathfinder.core"
    label = "core"
    verbose_name = "Tenancy, roles and audit"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from pathfinder.core import documents, nav_items, permissions, readahead  # noqa: F401  registrations
        from pathfinder.core.audit_guard import register_sql_function
        from pathfinder.core.crypto import register_rotation

        register_rotation("kept documents", documents.rotate_all)
        readahead.install()

        connection_created.connect(register_sql_function)
