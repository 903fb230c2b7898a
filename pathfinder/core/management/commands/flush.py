"""Django's `flush`, allowed to empty the append-only audit table on SQLite."""

from django.core.management.commands.flush import Command as FlushCommand

from pathfinder.core.audit_guard import erasing


class Command(FlushCommand):
    def handle(self, **options):
        with erasing():
            return super().handle(**options)
