"""A review against the checklist by principle: what was found and proposed
is saved together, the document moves on to "changes proposed", each answer
becomes a finding once (tagged with its principle), and a proposed change
becomes an action in the plan citing that finding."""

from datetime import date

from pathfinder.discovery import checklist
from pathfinder.discovery.models import Document, DocumentReview, ReviewAnswer
from pathfinder.discovery.tests.factories_documents import a_document
from pathfinder.planning.models import Action
from pathfinder.programmes.models import Finding


def _document(world):
    return a_document(world, version_date=date(2026, 3, 1))


def _review(client, document, **fields):
    return client.post(
        f"/documents/{document.pk}/reviews/new/",
        {
            "reviewed_on": "2026-11-20",
            "working_group": "",
            "summary": "Long, and asks about trauma twice.",
            "retell__answer": "yes",
            "retell__found": "Section 4 asks about past trauma again at every referral.",
            "retell__proposed": "Ask once, with consent, and share it with partners.",
            "person_first__answer": "partly",
            "person_first__found": "It says 'addicts' twice.",
            **fields,
        },
    )


def test_the_checklist_has_questions_for_every_principle():
    sections = checklist.by_principle()
    assert [label for _value, label, _questions in sections] == [
        "Safety",
        "Trust",
        "Choice",
        "Collaboration",
        "Empowerment",
    ]
    assert all(len(questions) >= 2 for _value, _label, questions in sections)


def test_it_saves_what_was_found_and_proposed(world, as_user):
    document = _document(world)
    response = _review(as_user(world.member), document)
    review = DocumentReview.objects.get()
    assert response["Location"] == f"/document-reviews/{review.pk}/"
    assert sorted(review.answers.values_list("question", "answer")) == [("person_first", "partly"), ("retell", "yes")]
    document.refresh_from_db()
    assert document.status == Document.Status.CHANGES_PROPOSED
    page = as_user(world.viewer).get(f"/document-reviews/{review.pk}/").page.text()
    assert "Ask once, with consent, and share it with partners." in page


def test_a_failed_review_saves_nothing(world, as_user):
    document = _document(world)
    response = _review(as_user(world.member), document, reviewed_on="2099-01-01", retell__found="x" * 2001)
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert not DocumentReview.objects.exists() and not ReviewAnswer.objects.exists()
    document.refresh_from_db()
    assert document.status == Document.Status.NOT_STARTED


def test_each_answer_becomes_a_finding_once(world, as_user):
    document = _document(world)
    client = as_user(world.member)
    _review(client, document)
    answer = ReviewAnswer.objects.get(question="retell")
    assert client.post(f"/review-answers/{answer.pk}/finding/").status_code == 302
    client.post(f"/review-answers/{answer.pk}/finding/")
    finding = Finding.objects.get()
    assert finding.principles == ["safety"]
    assert (finding.theme, finding.kind, finding.source_type) == ("policies", "barrier", "document_review")
    assert finding.source_label == "Review of “Initial assessment form”"
    assert "Section 4 asks about past trauma again" in finding.text


def test_a_proposed_change_becomes_an_action_in_the_plan(world, as_user):
    document = _document(world)
    client = as_user(world.member)
    _review(client, document)
    answer = ReviewAnswer.objects.get(question="retell")
    form = client.get(f"/review-answers/{answer.pk}/action/").page
    assert "Ask once, with consent" in form.text()
    response = client.post(
        f"/review-answers/{answer.pk}/action/",
        {
            "title": "Ask about trauma once, with consent",
            "owner": str(world.memberships.member.pk),
            "due_on": "2027-03-31",
            "description": "Ask once, with consent, and share it with partners.",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.theme == "policies"
    assert list(action.findings.all()) == [Finding.objects.get()]
    # Asking again makes a second action if people want one, but never a second finding.
    assert Finding.objects.count() == 1
    page = client.get(f"/document-reviews/{answer.review_id}/").page.text()
    assert "In the plan: Ask about trauma once, with consent" in page


def test_an_action_is_not_due_before_the_review(world, as_user):
    document = _document(world)
    client = as_user(world.member)
    _review(client, document)
    answer = ReviewAnswer.objects.get(question="retell")
    response = client.post(
        f"/review-answers/{answer.pk}/action/",
        {"title": "Too early", "owner": str(world.memberships.member.pk), "due_on": "2026-11-01"},
    )
    assert response.status_code == 200
    assert "The due date is before the review (20 November 2026)." in response.page.text()
    assert not Action.objects.exists() and not Finding.objects.exists()
