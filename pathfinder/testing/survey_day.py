"""A short survey day against a real SQLite file, for the database-copy attack
test (pathfinder/surveys/tests/test_adversary_database.py).

Run as: python -m pathfinder.testing.survey_day DB_FILE OUT_DIR
with DATABASE_URL pointing at DB_FILE (already migrated). It invites twelve
people, empties the write-ahead log, lets them answer (each in their own
transaction, as the web page does), then copies the database file and its
-wal file while the connection is still open, as someone copying a live
server's disk would. It prints what the test needs to know as JSON.
"""

import json
import os
import shutil
import sys


def main(db_file: str, out_dir: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    django.setup()
    import django.core.mail as outbox_holder  # the test mailbox, not a sender
    from django.db import connection
    from django.utils import timezone

    from pathfinder.instruments.models import InstrumentVersion
    from pathfinder.programmes import services as programme_services
    from pathfinder.surveys import services
    from pathfinder.testing import factories

    outbox_holder.outbox = []
    service = factories.ServiceFactory(name="Island Recovery Service", slug="island")
    lead = factories.UserFactory(full_name="Lee Lead", email="lee@example.org")
    programme = programme_services.start_programme(service=service, name="Island", started_on="2026-09-01", by=lead)
    people = [factories.MembershipFactory(service=service).user for _ in range(12)]
    version = InstrumentVersion.objects.get(instrument__key="training-needs-analysis", instrument__owner=None)
    today = timezone.localdate()
    survey = services.create_survey(
        programme=programme,
        instrument_version=version,
        kind="tna",
        title="Island TNA",
        distribution="codes",
        opens_on=today,
        closes_on=today + timezone.timedelta(days=14),
        included_optional=[],
        by=lead,
    )
    services.invite_members(survey, people, by=lead)
    codes = [message.body.split("Your code:")[1].split()[0] for message in outbox_holder.outbox]
    list(survey.participants.values_list("code_hash"))  # as any page showing the survey would
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute(
            "SELECT DISTINCT pageno FROM dbstat WHERE name = 'surveys_participant' OR name IN "
            "(SELECT name FROM sqlite_master WHERE tbl_name = 'surveys_participant')"
        )
        participant_pages = sorted(row[0] for row in cursor.fetchall())
        cursor.execute("PRAGMA page_size")
        page_size = cursor.fetchone()[0]
    secrets = []
    for n, code in enumerate(codes):
        secret = f"pf-secret-answer-{n:02d}"
        secrets.append(secret)
        services.submit(
            survey,
            services.Submission(answers={"about.role": "practitioner", "needs.comments": secret}, code=code),
        )
    os.makedirs(out_dir, exist_ok=True)
    for suffix in ("", "-wal"):
        shutil.copyfile(db_file + suffix, os.path.join(out_dir, "copy.sqlite3" + suffix))
    print(
        json.dumps(
            {
                "participant_pages": participant_pages,
                "page_size": page_size,
                "secrets": secrets,
                "emails": [person.email for person in people],
                "today": today.isoformat(),
                "survey": survey.pk,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
