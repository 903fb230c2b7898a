"""A long report made in the background: the lead asks for the progress report,
sees a page saying it is being made, checks again once the database worker has
made it, and downloads the file."""

import re
import subprocess

from django.core.management import call_command

from pathfinder.testing.factories import TEST_PASSWORD


def test_asking_for_a_report_waiting_for_it_and_downloading_it(journey, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    # The lead asks for the progress report as a PDF
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.go(f"/programmes/{world.programme.pk}/plan/report/")
    journey.click("Progress report (PDF)")

    # The answer comes at once: a page saying the file is being made
    assert journey.heading().endswith("Your document is being made")
    assert journey.sees("Progress report (PDF)")
    assert journey.sees("You can leave this page and come back later")
    journey.click("Check again")
    assert journey.heading().endswith("Your document is being made")

    # The worker makes it; checking again shows it is ready
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    journey.click("Check again")
    assert journey.heading().endswith("Your document is ready")

    # The lead downloads it, and it is the report
    with journey.page.expect_download() as waiting:
        journey.page.get_by_role("link", name=re.compile(r"^Download the PDF file")).click()
    download = waiting.value
    assert download.suggested_filename.startswith("home-service-progress-report-")
    text = subprocess.run(["pdftotext", download.path(), "-"], capture_output=True, check=True).stdout.decode()
    assert "Progress report for senior management" in text
