"""A language audit of a corpus written here gives exact counts, per document
and in total; the documents are labelled "Document 1"... never by file name."""

from pathfinder.evidence.models import AuditDocument, LanguageAudit, PendingUpload
from pathfinder.evidence.tests.language_corpus import care_plans, unreadable, upload


def test_an_audit_of_care_plans_gives_exact_counts(world, as_user):
    client = as_user(world.lead)
    response = upload(client, world.programme, care_plans())
    audit = LanguageAudit.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/language-audits/{audit.pk}/"
    assert audit.status == LanguageAudit.Status.DONE
    documents = {d.label: d for d in AuditDocument.objects.filter(audit=audit)}
    assert sorted(documents) == ["Document 1", "Document 2", "Document 3"]

    one, two, three = documents["Document 1"], documents["Document 2"], documents["Document 3"]
    assert (one.words, one.trauma_informed_total, one.stigmatising_total, one.identifiers) == (60, 6, 5, 2)
    assert one.stigmatising_counts == {"drug user": 3, "junkie": 1, "clean": 1}  # "clean needles" is ignored
    assert one.trauma_informed_counts == {
        "trauma-informed": 1,
        "Safety and Stabilisation": 1,
        "what happened": 1,
        "choice": 1,
        "trust": 1,
        "safety": 1,
    }
    assert (two.words, two.trauma_informed_total, two.stigmatising_total, two.identifiers) == (34, 4, 3, 1)
    assert two.stigmatising_counts == {"substance misuse": 2, "alcoholic": 1}
    assert two.trauma_informed_counts == {
        "choice": 1,
        "person-centred": 1,
        "trauma-responsive": 1,
        "collaboration": 1,
    }
    # The document that mentions no one.
    assert (three.words, three.trauma_informed_total, three.stigmatising_total, three.identifiers) == (16, 2, 0, 0)

    assert (audit.words, audit.trauma_informed_total, audit.stigmatising_total, audit.identifiers) == (110, 12, 8, 3)
    assert audit.stigmatising_counts == {"drug user": 3, "junkie": 1, "clean": 1, "substance misuse": 2, "alcoholic": 1}
    assert audit.alternatives["drug user"] == ["person who uses drugs", "person with problematic drug use"]
    assert not PendingUpload.objects.exists()

    page = client.get(f"/language-audits/{audit.pk}/")
    text = page.page.text()
    assert "72.7 per 1,000 words" in text  # stigmatising: 8 in 110 words
    assert "109.1 per 1,000 words" in text  # trauma-informed: 12 in 110 words
    assert "person who uses drugs; person with problematic drug use" in text
    assert "Smithwickery care plan" not in page.content.decode()
    assert "<progress" not in page.content.decode()


def test_unreadable_files_are_listed_with_the_reason_and_count_nothing(world, as_user):
    client = as_user(world.lead)
    upload(client, world.programme, care_plans()[2:] + unreadable())
    audit = LanguageAudit.objects.get()
    documents = list(AuditDocument.objects.filter(audit=audit))
    assert [d.status for d in documents] == ["counted"] + ["unreadable"] * 5
    reasons = [d.reason for d in documents[1:]]
    assert "Choose a Word (.docx)" in reasons[0]  # the zip
    assert "its content is not" in reasons[1]  # a file whose type lies
    assert "password" in reasons[2]  # the locked PDF
    assert "PDF" in reasons[3]  # a PDF with no text that can be read
    assert "empty" in reasons[4]
    for document in documents[1:]:
        assert (document.words, document.trauma_informed_total, document.stigmatising_total) == (0, 0, 0)
    assert (audit.words, audit.trauma_informed_total, audit.stigmatising_total) == (16, 2, 0)
    text = as_user(world.lead).get(f"/language-audits/{audit.pk}/").page.text()
    assert "1 of 6" in text and "5 could not be read" in text
    assert "Not counted: This PDF is protected with a password" in text


def test_a_pdf_care_plan_is_read_and_counted(world, as_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pathfinder.discovery.tests.test_document_text_extract import pdf_file

    client = as_user(world.lead)
    text = "We asked what happened and offered a choice. He is not a junkie; he is a drug user in recovery."
    upload(client, world.programme, [SimpleUploadedFile("plan.pdf", pdf_file(text))])
    audit = LanguageAudit.objects.get()
    assert audit.trauma_informed_counts == {"what happened": 1, "choice": 1}
    assert audit.stigmatising_counts == {"junkie": 1, "drug user": 1}
