"""`manage.py pathfinder <task>`: the project's own operational commands.

demo          load the demo organisations, people and programmes (idempotent)
createadmin   create a site administrator (asks for the password, or reads
              PATHFINDER_ADMIN_PASSWORD)
rotatekeys    re-encrypt sensitive values with the first of FIELD_ENCRYPTION_KEYS
backup        an encrypted, checked copy of the whole database (core/backup.py)
restore       put a backup back (refuses a non-empty database without --force);
              --verify restores into a scratch database and compares instead
"""

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from pathfinder.core import backup, crypto, demo


class Command(BaseCommand):
    help = "Pathfinder's operational tasks: demo, createadmin, rotatekeys, backup, restore."

    def add_arguments(self, parser):
        tasks = parser.add_subparsers(dest="task", required=True)
        tasks.add_parser("demo", help="Load the demo data (safe to run again).")
        admin = tasks.add_parser("createadmin", help="Create a site administrator.")
        admin.add_argument("--email", required=True)
        admin.add_argument("--name", required=True)
        tasks.add_parser("rotatekeys", help="Re-encrypt sensitive values with the newest key.")
        instrument = tasks.add_parser("loadinstrument", help="Load an instrument definition file.")
        instrument.add_argument("file")
        instrument.add_argument("--service", help="Only for this service (its slug).")
        taking = tasks.add_parser("backup", help="Write an encrypted backup (key: PATHFINDER_BACKUP_KEY).")
        taking.add_argument("--output", help="Where to write it (default var/backups/pathfinder-<time>.pfbackup).")
        putting = tasks.add_parser("restore", help="Restore a backup into the configured database.")
        putting.add_argument("file")
        putting.add_argument("--force", action="store_true", help="Replace a database that already holds data.")
        putting.add_argument(
            "--verify", action="store_true", help="Only check it: restore into a scratch database and compare."
        )

    def handle(self, *args, task, **options):
        if task == "demo":
            self._demo()
        elif task == "createadmin":
            self._createadmin(options["email"], options["name"])
        elif task == "loadinstrument":
            self._loadinstrument(options["file"], options.get("service"))
        elif task == "backup":
            self._run_backup(options.get("output"))
        elif task == "restore":
            self._run_restore(options["file"], force=options["force"], verify=options["verify"])
        elif task == "rotatekeys":
            for name, changed in crypto.rotate_everything().items():
                self.stdout.write(f"{name}: {changed} re-encrypted")

    def _run_backup(self, output: str | None):
        try:
            outcome = backup.backup(output)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        manifest = outcome.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {outcome.path}: {manifest.rows:,} rows in {len(manifest.tables)} tables "
                f"({manifest.engine}, {len(manifest.migrations)} migrations applied)."
            )
        )
        self.stdout.write("Keep PATHFINDER_BACKUP_KEY and FIELD_ENCRYPTION_KEYS apart from the backup files.")

    def _run_restore(self, path: str, *, force: bool, verify: bool):
        try:
            outcome = backup.verify(path) if verify else backup.restore(path, force=force)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        manifest = outcome.manifest
        done = "verified: it restores" if verify else "restored"
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup of {manifest.created} {done} to {manifest.rows:,} rows in {len(manifest.tables)} tables, "
                "every count and checksum matching."
            )
        )
        for note in outcome.notes:
            self.stdout.write(note)

    def _demo(self):
        demo.load()
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write("")
        self.stdout.write(
            f"Sign in at http://127.0.0.1:8000/ with any of these (password for all: {demo.DEMO_PASSWORD}):"
        )
        for email, name, what in demo.accounts():
            self.stdout.write(f"  {email:<30} {name:<16} {what}")
        self.stdout.write("")

    def _loadinstrument(self, path: str, service_slug: str | None):
        # Imported here: the instruments app builds on core, not the other way round.
        from pathfinder.core.models import Service
        from pathfinder.instruments.definition import DefinitionError
        from pathfinder.instruments.loading import load_file

        owner = None
        if service_slug:
            owner = Service.objects.filter(slug=service_slug).first()
            if owner is None:
                raise CommandError(f"There is no service with the slug {service_slug!r}.")
        try:
            version = load_file(path, owner=owner)
        except DefinitionError as error:
            raise CommandError("The file was not loaded:\n  " + "\n  ".join(error.problems)) from None
        whom = f"for {owner.name}" if owner else "for every service"
        self.stdout.write(self.style.SUCCESS(f"Loaded {version} {whom}."))

    def _createadmin(self, email: str, name: str):
        model = get_user_model()
        if model._default_manager.filter(email__iexact=email).exists():
            raise CommandError(f"An account for {email} already exists.")
        password = os.environ.get("PATHFINDER_ADMIN_PASSWORD") or getpass.getpass(
            "Password for the new administrator: "
        )
        probe = model(email=email, full_name=name)
        try:
            password_validation.validate_password(password, probe)
        except ValidationError as error:
            raise CommandError("That password cannot be used: " + " ".join(error.messages)) from None
        model._default_manager.create_user(email=email, password=password, full_name=name, is_site_admin=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Site administrator {email} created. They should set up two-step verification when they first sign in."
            )
        )
