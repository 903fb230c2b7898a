"""The language audit, end to end: a lead uploads a batch of care plans, watches
the progress bar while the database worker counts them, reads the audit, makes
a finding from it, and sees the trend over this and an earlier audit."""

import re
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from pathfinder.evidence import language_audit
from pathfinder.evidence.models import LanguageAudit
from pathfinder.evidence.tests.language_corpus import PLAN_ONE, PLAN_THREE, PLAN_TWO, odt_file, word_file
from pathfinder.testing.factories import TEST_PASSWORD
from tests.browser.conftest import AXE, AXE_OPTIONS


def test_uploading_care_plans_watching_progress_and_reading_the_audit(journey, world, settings, tmp_path):
    # An earlier audit, counted months ago, so there is a trend to see.
    earlier = language_audit.start_audit(
        programme=world.programme,
        by=world.lead,
        title="Care plans, summer",
        uploads=[language_audit.Upload("a.txt", 40, ("The addict was seen. " * 10).encode())],
    )
    language_audit.run_audit(earlier.pk)
    LanguageAudit.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=120))
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    files = []
    for name, content in (
        ("plan-one.txt", PLAN_ONE.encode()),
        ("plan-two.docx", word_file(PLAN_TWO)),
        ("plan-three.odt", odt_file(PLAN_THREE)),
    ):
        path = tmp_path / name
        path.write_bytes(content)
        files.append(str(path))

    # The lead starts an audit from the dashboard panel
    journey.sign_in(world.lead.email, TEST_PASSWORD)
    journey.click("Go to the language audits")
    journey.click("Start a language audit")
    journey.fill("What is being audited (optional)", "Care plans, winter")
    journey.page.get_by_label("Documents", exact=True).set_input_files(files)
    journey.press("Upload and count")

    # The page comes back at once, before anything is counted, with a progress bar
    assert journey.heading().endswith("Care plans, winter")
    assert journey.sees("0 of 3 documents read")
    assert journey.page.locator("progress").get_attribute("value") == "0"

    # The lead asks the page to update by itself. axe flags every timed refresh
    # (WCAG 2.2.1); here the person turned it on and can turn it off, which 2.2.1
    # allows, so that one rule is left out for this page only.
    journey.page.get_by_role("link", name="Update this page by itself every 5 seconds").click()
    journey.page.wait_for_load_state()
    options = {**AXE_OPTIONS, "rules": {"meta-refresh": {"enabled": False}}}
    assert not AXE.run(journey.page, options=options).response["violations"]
    assert journey.sees("Stop updating by itself")

    # The worker counts the files; the page refreshes by itself and shows the audit
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    journey.page.get_by_text("Documents counted").wait_for(timeout=20000)
    journey.check()  # the finished page no longer refreshes: every rule applies
    assert journey.page.locator("progress").count() == 0
    assert journey.sees("72.7 per 1,000 words")
    assert journey.sees("Stigmatising terms found most")
    assert journey.sees("person who uses drugs; person with problematic drug use")
    assert journey.sees("Document 1") and not journey.sees("plan-one")

    # A notable result becomes a finding for the plan
    journey.page.get_by_role("button", name=re.compile(r"^Make a finding.*“drug user”")).click()
    journey.page.wait_for_load_state()
    journey.check()
    assert journey.sees("The finding has been added to the plan's findings inbox")
    assert journey.sees("Finding made")

    # The trend over the two audits, as charts with their tables
    journey.click("All language audits")
    assert journey.sees("Stigmatising terms per 1,000 words, audit by audit")
    assert journey.page.locator("figure.pf-chart svg").count() == 2
    assert journey.sees("Care plans, summer")
