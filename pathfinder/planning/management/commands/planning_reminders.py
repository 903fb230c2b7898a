"""`manage.py planning_reminders`: e-mail each implementation group a reminder,
a few days before its meeting, listing the actions that are overdue.

Run it once a day (for example from cron). A meeting's reminder goes once;
running the command again, or twice at the same time, sends nothing more.
"""

from django.core.management.base import BaseCommand

from pathfinder.planning.services import group


class Command(BaseCommand):
    help = "Send implementation group meeting reminders that are due (safe to run more than once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=group.REMINDER_DAYS,
            help=f"Remind about meetings within this many days (default {group.REMINDER_DAYS}).",
        )

    def handle(self, *args, days: int, **options):
        sent = group.send_due_reminders(days=days)
        for meeting, people in sent:
            self.stdout.write(
                f"{meeting.programme.service.name}: meeting on {meeting.held_on:%Y-%m-%d}, {people} reminded"
            )
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} reminder{'s' if len(sent) != 1 else ''} sent."))
