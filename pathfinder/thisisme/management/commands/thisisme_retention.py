"""Queue the daily retention review of 'This is me' profiles.

Run it once a day (for example from cron). Running it twice in a day changes
nothing more: a profile is flagged once, and removed only after its notice."""

from django.core.management.base import BaseCommand

from pathfinder.thisisme.tasks import review_retention


class Command(BaseCommand):
    help = "Queue the retention review of 'This is me' profiles."

    def handle(self, *args, **options):
        result = review_retention.enqueue()
        self.stdout.write(f"Retention review queued ({result.id}).")
