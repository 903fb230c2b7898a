"""State changes for the documents register, reviews and working groups.
Findings come from reviews through programmes.services.add_finding, once per
question; a proposed change becomes an action in the plan through
planning.services.actions.create_action, citing that finding."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.discovery import checklist
from pathfinder.discovery.models import Document, DocumentReview, ReviewAnswer, WorkingGroup
from pathfinder.planning.services import actions as action_services
from pathfinder.planning.services import group as group_services
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding
from pathfinder.programmes.services import add_finding

SOURCE = "document_review"
DOCUMENT_FIELDS = [
    "title",
    "kind",
    "owner",
    "changed_by",
    "current_version",
    "version_date",
    "next_review_on",
    "status",
    "working_group",
    "notes",
]
STATUS = Document.Status


def _check(by, programme) -> None:
    # Every write path checks, not only the page.
    if not can(by, Perm.RECORD_FINDINGS, programme.service):
        raise PermissionDenied("Only the programme lead and group members can change the documents register.")


def add_document(*, programme, by, **fields) -> Document:
    _check(by, programme)
    document = Document.objects.create(programme=programme, created_by=by, **fields)
    audit.record(audit.Kind.DOCUMENT_CHANGED, actor=by, service=programme.service, target=document)
    return document


@transaction.atomic
def edit_document(document: Document, *, version: int, by, **fields) -> None:
    """Raises core.concurrency.StaleEdit if someone saved it in the meantime."""
    _check(by, document.programme)
    for name, value in fields.items():
        setattr(document, name, value)
    save_if_current(document, version, list(fields))
    audit.record(audit.Kind.DOCUMENT_CHANGED, actor=by, service=document.programme.service, target=document)


def _after_review(status: str, proposes: bool) -> str:
    """A review moves the document on, never back."""
    order = list(STATUS.values)
    wanted = STATUS.CHANGES_PROPOSED if proposes else STATUS.IN_REVIEW
    return status if order.index(status) >= order.index(wanted) else wanted


@transaction.atomic
def record_review(*, document: Document, by, reviewed_on, working_group=None, summary="", answers) -> DocumentReview:
    """`answers`: question key -> {"answer", "found", "proposed"}; questions
    left blank are not stored. Nothing is saved unless all of it is."""
    _check(by, document.programme)
    unknown = set(answers) - set(checklist.BY_KEY)
    if unknown:
        raise ValueError(f"not checklist questions: {sorted(unknown)}")
    review = DocumentReview.objects.create(
        document=document, working_group=working_group, reviewed_on=reviewed_on, summary=summary, created_by=by
    )
    kept = [
        ReviewAnswer(review=review, question=key, **values)
        for key, values in answers.items()
        if any(str(value).strip() for value in values.values())
    ]
    ReviewAnswer.objects.bulk_create(kept)
    status = _after_review(document.status, any(answer.proposed.strip() for answer in kept))
    Document.objects.filter(pk=document.pk).update(status=status)
    document.status = status
    audit.record(audit.Kind.DOCUMENT_REVIEWED, actor=by, service=document.programme.service, target=review)
    return review


def source_id(answer: ReviewAnswer) -> str:
    return f"{answer.review.document_id}:{answer.pk}"


def finding_for(answer: ReviewAnswer) -> Finding | None:
    return Finding.objects.filter(
        programme=answer.review.document.programme, source_type=SOURCE, source_id=source_id(answer)
    ).first()


def _finding_text(answer: ReviewAnswer) -> str:
    question = checklist.BY_KEY[answer.question]
    found = answer.found.strip() or f"Answer: {answer.get_answer_display().lower() or 'not given'}."
    text = f"{answer.review.document.title}: {question.text} {found}"
    if answer.proposed.strip():
        text += f" Proposed: {answer.proposed.strip()}"
    return text[:2000]


@transaction.atomic
def make_finding(answer: ReviewAnswer, *, by, kind: str = Finding.Kind.BARRIER) -> tuple[Finding, bool]:
    """The finding for this answer, made once. Returns (finding, made now).
    The review row is locked first, so two people pressing the button at the
    same time make one finding."""
    review = answer.review
    programme = review.document.programme
    _check(by, programme)
    DocumentReview.objects.select_for_update().filter(pk=review.pk).first()
    existing = finding_for(answer)
    if existing is not None:
        return existing, False
    question = checklist.BY_KEY[answer.question]
    finding = add_finding(
        programme=programme,
        theme=Theme.POLICIES,
        kind=kind,
        text=_finding_text(answer),
        by=by,
        principles=[question.principle],
        source_type=SOURCE,
        source_id=source_id(answer),
        source_label=f"Review of “{review.document.title}”",
    )
    audit.record(audit.Kind.DOCUMENT_FINDING_MADE, actor=by, service=programme.service, target=finding)
    return finding, True


@transaction.atomic
def propose_action(answer: ReviewAnswer, *, by, title: str, owner, due_on, description: str = ""):
    """A proposed change becomes an action in the plan, citing the finding it
    answers (made now if it was not yet)."""
    finding, _ = make_finding(answer, by=by)
    programme = answer.review.document.programme
    return action_services.create_action(
        programme=programme,
        by=by,
        findings=[finding],
        title=title,
        description=description or answer.proposed,
        theme=Theme.POLICIES,
        owner=owner,
        due_on=due_on,
    )


# Working groups


def add_working_group(*, programme, by, name: str, remit: str = "", members=()) -> WorkingGroup:
    _check(by, programme)
    with transaction.atomic():
        group = WorkingGroup.objects.create(programme=programme, name=name.strip(), remit=remit.strip(), created_by=by)
        group.members.set(members)
    audit.record(audit.Kind.WORKING_GROUP_CHANGED, actor=by, service=programme.service, target=group)
    return group


@transaction.atomic
def edit_working_group(group: WorkingGroup, *, version: int, by, members=None, **fields) -> None:
    _check(by, group.programme)
    for name, value in fields.items():
        setattr(group, name, value)
    save_if_current(group, version, list(fields))
    if members is not None:
        group.members.set(members)
    audit.record(audit.Kind.WORKING_GROUP_CHANGED, actor=by, service=group.programme.service, target=group)


def record_meeting(group: WorkingGroup, *, by, attendees=(), **fields):
    """The implementation group's meeting record, pointed at this group."""
    _check(by, group.programme)
    return group_services.record_meeting(
        programme=group.programme, by=by, attendees=attendees, working_group=group, **fields
    )
