"""Bad input to the language audit: no file, too many files, a file over the
size limit, and an audit whose run fails (nothing of it is counted)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from pathfinder.core.text_extract import MAX_BYTES
from pathfinder.evidence import language_audit
from pathfinder.evidence.models import AuditDocument, LanguageAudit, PendingUpload
from pathfinder.evidence.tests.language_corpus import PLAN_ONE, PLAN_THREE, care_plans, upload
from pathfinder.programmes.registry import measure_sources


def test_no_file_chosen_shows_the_error_and_keeps_the_title(world, as_user):
    response = upload(as_user(world.lead), world.programme, [], title="Care plans, spring")
    assert response.status_code == 400
    assert response.page.error_summary() == ["Choose one or more files to upload."]
    assert response.page.form_data("main form")["title"] == "Care plans, spring"
    assert not LanguageAudit.objects.exists()


def test_too_many_files_are_refused_before_anything_is_kept(world, as_user):
    files = [SimpleUploadedFile(f"plan{n}.txt", b"We asked what happened.") for n in range(31)]
    response = upload(as_user(world.lead), world.programme, files)
    assert response.status_code == 400
    assert response.page.error_summary() == [
        "You chose 31 files. Choose up to 30 at a time, and start another audit for the rest."
    ]
    assert not LanguageAudit.objects.exists() and not PendingUpload.objects.exists()


def test_a_file_over_the_limit_is_listed_and_never_kept(world, as_user):
    big = SimpleUploadedFile("big.txt", b"addict " * (MAX_BYTES // 7 + 10))
    upload(as_user(world.lead), world.programme, [big, *care_plans()[2:]])
    audit = LanguageAudit.objects.get()
    first = AuditDocument.objects.get(audit=audit, position=1)
    assert first.status == "unreadable" and "larger than the 10 MB limit" in first.reason
    assert (audit.stigmatising_total, audit.words) == (0, 16)


def test_an_audit_that_cannot_finish_counts_nothing(world, as_user, caplog):
    uploads = [
        language_audit.Upload("a.txt", len(PLAN_ONE), PLAN_ONE.encode()),
        language_audit.Upload("b.txt", len(PLAN_THREE), PLAN_THREE.encode()),
    ]
    audit = language_audit.start_audit(programme=world.programme, by=world.lead, title="Spring", uploads=uploads)
    # The second file's sealed bytes cannot be opened (say the keys changed).
    PendingUpload.objects.filter(document__position=2).update(sealed="u1.nokey.AAAA")
    assert language_audit.run_audit(audit.pk) == LanguageAudit.Status.FAILED
    audit.refresh_from_db()
    assert audit.status == LanguageAudit.Status.FAILED
    assert (audit.words, audit.trauma_informed_total, audit.stigmatising_total, audit.stigmatising_counts) == (
        0,
        0,
        0,
        {},
    )
    # The first document had been counted; its counts are cleared, not left half-counted.
    assert set(AuditDocument.objects.values_list("words", "stigmatising_total")) == {(0, 0)}
    assert not PendingUpload.objects.exists()
    assert "could not finish (ValueError)" in caplog.text
    page = as_user(world.lead).get(f"/language-audits/{audit.pk}/")
    assert "This audit could not finish" in page.page.text()
    assert not page.page.css("progress")
    source = next(s for s in measure_sources() if s.key == "language")
    assert all(not m.points for m in source.measures(world.programme, world.lead))
    # Running it again changes nothing.
    assert language_audit.run_audit(audit.pk) == LanguageAudit.Status.FAILED


def test_a_damaged_file_is_listed_and_the_rest_are_counted(world, as_user):
    from pathfinder.evidence.tests.language_corpus import odt_file

    damaged = bytearray(odt_file(PLAN_ONE))
    start = damaged.index(b"content.xml") + 40  # inside content.xml's compressed bytes
    damaged[start : start + 30] = b"\x00" * 30
    upload(as_user(world.lead), world.programme, [SimpleUploadedFile("d.odt", bytes(damaged)), *care_plans()[2:]])
    audit = LanguageAudit.objects.get()
    assert audit.status == LanguageAudit.Status.DONE and audit.words == 16
    first = AuditDocument.objects.get(audit=audit, position=1)
    assert first.status == "unreadable" and first.reason
