"""The documents register, reviews against the checklist, the optional text
upload, and working groups (whose meetings are planning's meetings)."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import text_extract
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.core.uploads import in_memory_uploads
from pathfinder.discovery import checklist
from pathfinder.discovery.forms.documents import (
    DocumentEditForm,
    DocumentForm,
    ProposedActionForm,
    ReviewForm,
    UploadForm,
    WorkingGroupEditForm,
    WorkingGroupForm,
)
from pathfinder.discovery.models import Document, DocumentReview, ReviewAnswer, WorkingGroup
from pathfinder.discovery.services import documents as services
from pathfinder.planning.forms.group import MeetingForm
from pathfinder.planning.models import Meeting
from pathfinder.planning.services.actions import may_own
from pathfinder.planning.views.access import plan_last_day
from pathfinder.planning.wording import long_date
from pathfinder.programmes.models import Finding, Programme
from pathfinder.programmes.registry import text_checks


def _today():
    return timezone.localdate()


def _programme(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, Programme, perm, pk=pk)


def _document(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Document:
    documents = scoped(Document, request.user).select_related("programme__service", "working_group")
    return get_for(request, documents, perm, pk=pk)


def _review(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> DocumentReview:
    reviews = scoped(DocumentReview, request.user).select_related("document__programme__service", "working_group")
    return get_for(request, reviews, perm, pk=pk)


def _answer(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> ReviewAnswer:
    answers = scoped(ReviewAnswer, request.user).select_related("review__document__programme__service")
    return get_for(request, answers, perm, pk=pk)


def _group(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> WorkingGroup:
    groups = scoped(WorkingGroup, request.user).select_related("programme__service")
    return get_for(request, groups, perm, pk=pk)


def _groups(request, programme) -> list[WorkingGroup]:
    return list(scoped(WorkingGroup, request.user).filter(programme=programme))


def _people(request, programme) -> list[Membership]:
    return list(
        scoped(Membership, request.user)
        .filter(service=programme.service)
        .active()
        .select_related("user")
        .order_by("user__full_name")
    )


def _page(request, programme, **context) -> dict:
    return service_context(
        request,
        programme.service,
        programme=programme,
        current="documents",
        can_record=can(request.user, Perm.RECORD_FINDINGS, programme.service),
        today=_today(),
        **context,
    )


def _register_crumbs(programme, *extra):
    return [{"text": "Documents register", "href": reverse("discovery_documents", args=[programme.pk])}, *extra]


def _document_crumbs(document):
    return _register_crumbs(
        document.programme, {"text": document.title, "href": reverse("discovery_document", args=[document.pk])}
    )


# The register


@require_safe
def documents(request, pk):
    programme = _programme(request, pk)
    rows = list(
        scoped(Document, request.user)
        .filter(programme=programme)
        .select_related("working_group")
        .annotate(review_count=Count("reviews", distinct=True))
        .order_by("title", "id")
    )
    today = _today()
    context = _page(
        request,
        programme,
        documents=rows,
        overdue=[row for row in rows if row.review_overdue(today)],
        frontline=[row for row in rows if row.frontline_may_change],
        groups=_groups(request, programme),
        breadcrumbs=[],
    )
    return render(request, "discovery/documents/register.html", context)


@require_http_methods(["GET", "POST"])
def document_new(request, pk):
    programme = _programme(request, pk, Perm.RECORD_FINDINGS)
    form = DocumentForm(request.POST or None, groups=_groups(request, programme))
    if request.method == "POST" and form.is_valid():
        fields = form.document_fields()
        document = services.add_document(programme=programme, by=request.user, **fields)
        messages.success(request, f"“{document.title}” is in the register.")
        return redirect("discovery_document", document.pk)
    context = _page(request, programme, form=form, breadcrumbs=_register_crumbs(programme))
    return render(request, "discovery/documents/document_new.html", context)


@require_safe
def document(request, pk):
    item = _document(request, pk)
    reviews = list(
        scoped(DocumentReview, request.user)
        .filter(document=item)
        .select_related("working_group")
        .prefetch_related("answers")
    )
    context = _page(
        request,
        item.programme,
        document=item,
        reviews=reviews,
        overdue=item.review_overdue(_today()),
        questions=checklist.BY_KEY,
        breadcrumbs=_register_crumbs(item.programme),
    )
    return render(request, "discovery/documents/document.html", context)


def _initial(item: Document) -> dict:
    return {
        "title": item.title,
        "kind": item.kind,
        "owner": item.owner,
        "changed_by": item.changed_by,
        "current_version": item.current_version,
        "version_date": item.version_date,
        "next_review_on": item.next_review_on,
        "status": item.status,
        "working_group": str(item.working_group_id or ""),
        "notes": item.notes,
        "version": item.version,
    }


@require_http_methods(["GET", "POST"])
def document_edit(request, pk):
    item = _document(request, pk, Perm.RECORD_FINDINGS)
    groups = _groups(request, item.programme)
    form = DocumentEditForm(request.POST or None, groups=groups, initial=_initial(item))
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_document(
                item, version=form.cleaned_data["version"], by=request.user, **form.document_fields()
            )
        except StaleEdit:
            item = _document(request, pk, Perm.RECORD_FINDINGS)
            form = form.after_stale_save(
                item.version,
                "Someone else saved this document's details while you had them open, so your changes have not "
                "been saved yet. Your changes are still below, on top of theirs. Save again to keep them.",
                current=_initial(item),
                groups=groups,
            )
        else:
            messages.success(request, "The document's details have been saved.")
            return redirect("discovery_document", item.pk)
    context = _page(request, item.programme, document=item, form=form, breadcrumbs=_document_crumbs(item))
    return render(request, "discovery/documents/document_edit.html", context)


# Reviews


@require_http_methods(["GET", "POST"])
def review_new(request, pk):
    item = _document(request, pk, Perm.RECORD_FINDINGS)
    groups = _groups(request, item.programme)
    form = ReviewForm(
        request.POST or None,
        groups=groups,
        version_date=item.version_date,
        initial={"reviewed_on": _today(), "working_group": str(item.working_group_id or "")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        review = services.record_review(
            document=item,
            by=request.user,
            reviewed_on=data["reviewed_on"],
            working_group=data["working_group"],
            summary=data["summary"],
            answers=form.answers(),
        )
        messages.success(request, "The review has been saved. You can turn what it found into findings below.")
        return redirect("discovery_review", review.pk)
    context = _page(request, item.programme, document=item, form=form, breadcrumbs=_document_crumbs(item))
    return render(request, "discovery/documents/review_new.html", context)


@require_safe
def review(request, pk):
    item = _review(request, pk)
    document = item.document
    answers = list(item.answers.order_by("id"))
    ids = [services.source_id(answer) for answer in answers]
    findings = {
        finding.source_id: finding
        for finding in scoped(Finding, request.user)
        .filter(programme=document.programme, source_type=services.SOURCE, source_id__in=ids)
        .prefetch_related("plan_actions")
    }
    rows = [
        {
            "answer": answer,
            "question": checklist.BY_KEY.get(answer.question),
            "finding": findings.get(services.source_id(answer)),
        }
        for answer in answers
    ]
    context = _page(
        request, document.programme, review=item, document=document, rows=rows, breadcrumbs=_document_crumbs(document)
    )
    return render(request, "discovery/documents/review.html", context)


@require_POST
def answer_finding(request, pk):
    answer = _answer(request, pk, Perm.RECORD_FINDINGS)
    _finding, made = services.make_finding(answer, by=request.user)
    if made:
        messages.success(request, "The finding has been added to the plan's findings inbox.")
    else:
        messages.info(request, "This is already a finding, so nothing new was added.")
    return redirect(reverse("discovery_review", args=[answer.review_id]) + f"#answer-{answer.pk}")


@require_http_methods(["GET", "POST"])
def answer_action(request, pk):
    answer = _answer(request, pk, Perm.RECORD_FINDINGS)
    review = answer.review
    programme = review.document.programme
    owners = [member for member in _people(request, programme) if may_own(member)]
    form = ProposedActionForm(
        request.POST or None,
        owners=owners,
        reviewed_on=review.reviewed_on,
        plan_ends=plan_last_day(programme),
        initial={"description": answer.proposed},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = services.propose_action(
            answer,
            by=request.user,
            title=data["title"],
            owner=data["owner"],
            due_on=data["due_on"],
            description=data["description"],
        )
        messages.success(request, f"“{action.title}” is in the implementation plan, with the finding it answers.")
        return redirect(reverse("discovery_review", args=[review.pk]) + f"#answer-{answer.pk}")
    context = _page(
        request,
        programme,
        answer=answer,
        question=checklist.BY_KEY.get(answer.question),
        review=review,
        form=form,
        breadcrumbs=[
            *_document_crumbs(review.document),
            {
                "text": f"Review on {long_date(review.reviewed_on)}",
                "href": reverse("discovery_review", args=[review.pk]),
            },
        ],
    )
    return render(request, "discovery/documents/answer_action.html", context)


# The document's text: read in memory, counted, never kept


@require_http_methods(["GET", "POST"])
@in_memory_uploads()
def document_text(request, pk):
    item = _document(request, pk, Perm.RECORD_FINDINGS)
    form = UploadForm(request.POST or None, request.FILES or None)
    result = None
    checked = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = text_extract.extract(
                upload.name, b"" if getattr(upload, "too_big", False) else upload.read(), size=upload.size
            )
        except text_extract.CannotRead as problem:
            form.add_error("file", str(problem))
        finally:
            upload.close()
        if result:
            # Each registered check reads the text while it is in memory; only what they counted is shown.
            checked = [check.run(item.programme, request.user, item.title, result.text) for check in text_checks()]
    context = _page(
        request,
        item.programme,
        document=item,
        form=form,
        result=result,
        checked=checked,
        has_checks=bool(text_checks()),
        file_name=request.FILES["file"].name if result else "",
        breadcrumbs=_document_crumbs(item),
    )
    return render(request, "discovery/documents/document_text.html", context)


# Working groups


def _groups_crumbs(programme, *extra):
    return [{"text": "Working groups", "href": reverse("discovery_working_groups", args=[programme.pk])}, *extra]


@require_safe
def working_groups(request, pk):
    programme = _programme(request, pk)
    groups = list(
        scoped(WorkingGroup, request.user)
        .filter(programme=programme)
        .annotate(document_count=Count("documents", distinct=True), meeting_count=Count("meetings", distinct=True))
        .prefetch_related("members__user")
    )
    context = _page(request, programme, groups=groups, breadcrumbs=_register_crumbs(programme))
    return render(request, "discovery/documents/working_groups.html", context)


@require_http_methods(["GET", "POST"])
def working_group_new(request, pk):
    programme = _programme(request, pk, Perm.RECORD_FINDINGS)
    form = WorkingGroupForm(request.POST or None, people=_people(request, programme))
    if request.method == "POST" and form.is_valid():
        group = services.add_working_group(
            programme=programme, by=request.user, members=form.cleaned_data["members"], **form.group_fields()
        )
        messages.success(request, f"The “{group.name}” working group has been set up.")
        return redirect("discovery_working_group", group.pk)
    context = _page(request, programme, form=form, breadcrumbs=_groups_crumbs(programme))
    return render(request, "discovery/documents/working_group_new.html", context)


@require_safe
def working_group(request, pk):
    group = _group(request, pk)
    context = _page(
        request,
        group.programme,
        group=group,
        members=sorted(group.members.select_related("user"), key=lambda member: member.user.full_name),
        documents=list(scoped(Document, request.user).filter(working_group=group).order_by("title", "id")),
        meetings=list(scoped(Meeting, request.user).filter(working_group=group).order_by("-held_on", "-id")),
        breadcrumbs=_groups_crumbs(group.programme),
    )
    return render(request, "discovery/documents/working_group.html", context)


def _group_initial(group: WorkingGroup) -> dict:
    return {
        "name": group.name,
        "remit": group.remit,
        "members": [str(pk) for pk in group.members.values_list("pk", flat=True)],
        "version": group.version,
    }


@require_http_methods(["GET", "POST"])
def working_group_edit(request, pk):
    group = _group(request, pk, Perm.RECORD_FINDINGS)
    people = _people(request, group.programme)
    form = WorkingGroupEditForm(request.POST or None, people=people, initial=_group_initial(group))
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_working_group(
                group,
                version=form.cleaned_data["version"],
                by=request.user,
                members=form.cleaned_data["members"],
                **form.group_fields(),
            )
        except StaleEdit:
            group = _group(request, pk, Perm.RECORD_FINDINGS)
            form = form.after_stale_save(
                group.version,
                "Someone else saved this group's details while you had them open, so your changes have not been "
                "saved yet. Your changes are still below, on top of theirs. Save again to keep them.",
                current=_group_initial(group),
                people=people,
            )
        else:
            messages.success(request, "The group's details have been saved.")
            return redirect("discovery_working_group", group.pk)
    context = _page(request, group.programme, group=group, form=form, breadcrumbs=_groups_crumbs(group.programme))
    return render(request, "discovery/documents/working_group_edit.html", context)


@require_http_methods(["GET", "POST"])
def working_group_meeting_new(request, pk):
    """The implementation group's meeting form and record, for this group."""
    group = _group(request, pk, Perm.RECORD_FINDINGS)
    people = _people(request, group.programme)
    in_group = {member.pk for member in group.members.all()}
    people.sort(key=lambda member: (member.pk not in in_group, member.user.full_name))
    form = MeetingForm(request.POST or None, members=people, initial={"held_on": _today()})
    if request.method == "POST" and form.is_valid():
        meeting = services.record_meeting(
            group, by=request.user, attendees=form.cleaned_data["attendees"], **form.meeting_fields()
        )
        messages.success(request, f"The meeting on {long_date(meeting.held_on)} has been saved.")
        return redirect("plan_meeting", meeting.pk)
    context = _page(
        request,
        group.programme,
        group=group,
        form=form,
        breadcrumbs=_groups_crumbs(
            group.programme, {"text": group.name, "href": reverse("discovery_working_group", args=[group.pk])}
        ),
    )
    return render(request, "discovery/documents/working_group_meeting_new.html", context)
