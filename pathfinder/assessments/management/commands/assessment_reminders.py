"""`manage.py assessment_reminders`: e-mail raters of open assessment rounds:
an invitation to anyone not yet told the round is open, and one reminder, a
few days before "rate by", to those who have not submitted.

Run it once a day (for example from cron). Each e-mail goes once; running the
command again, or twice at the same time, sends nothing more.
"""

from django.core.management.base import BaseCommand

from pathfinder.assessments import services


class Command(BaseCommand):
    help = "Send assessment invitations and reminders that are due (safe to run more than once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=services.REMINDER_DAYS,
            help=f'Remind about rounds whose "rate by" date is within this many days (default {services.REMINDER_DAYS}).',
        )

    def handle(self, *args, days: int, **options):
        done = services.send_due_emails(days=days)
        for round_, invited, reminded in done:
            self.stdout.write(
                f"{round_.programme.service.name}: {round_.title}, {invited} invited, {reminded} reminded"
            )
        self.stdout.write(self.style.SUCCESS(f"{len(done)} round{'s' if len(done) != 1 else ''} e-mailed."))
