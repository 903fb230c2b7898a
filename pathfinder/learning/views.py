"""The learning report: versions, a draft to reword, publishing, downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import confirm, documents
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.learning import presenters, records, services
from pathfinder.learning.forms import LearningReportForm, initial
from pathfinder.learning.models import LearningReport
from pathfinder.programmes.models import Programme


def _programme(request, pk, perm=Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, scoped(Programme, request.user).select_related("service"), perm, pk=pk)


def _report(request, pk, perm=Perm.VIEW_PROGRAMME, *, draft_only=False) -> LearningReport:
    report = get_for(request, scoped(LearningReport, request.user).select_related("programme__service"), perm, pk=pk)
    if report.is_draft and not can(request.user, Perm.MANAGE_PROGRAMME, report.programme.service):
        raise PermissionDenied  # a draft is the lead's until it is published
    if draft_only and not report.is_draft:
        raise Http404
    return report


def _crumbs(programme, *extra):
    return [
        {"text": programme.name, "href": reverse("programme_dashboard", args=[programme.pk])},
        *extra,
    ]


def _overview_crumb(programme):
    return {"text": "Learning report", "href": reverse("learning_overview", args=[programme.pk])}


def _page(request, programme, **context):
    return service_context(request, programme.service, programme=programme, **context)


@require_safe
def overview(request, pk):
    programme = _programme(request, pk)
    may_edit = can(request.user, Perm.MANAGE_PROGRAMME, programme.service)
    versions = list(scoped(LearningReport, request.user).filter(programme=programme).select_related("published_by"))
    context = _page(
        request,
        programme,
        draft=next((v for v in versions if v.is_draft), None) if may_edit else None,
        published=[v for v in versions if not v.is_draft],
        may_edit=may_edit,
        breadcrumbs=_crumbs(programme),
    )
    return render(request, "learning/overview.html", context)


@require_POST
def new(request, pk):
    programme = _programme(request, pk, Perm.MANAGE_PROGRAMME)
    based_on = request.POST.get("from", "records")
    from_report = None
    if based_on != "records":
        from_report = (
            scoped(LearningReport, request.user)
            .filter(
                programme=programme,
                status=LearningReport.Status.PUBLISHED,
                number=based_on if based_on.isdigit() else 0,
            )
            .first()
        )
        if from_report is None:
            raise Http404
    inputs = None if from_report else records.gather(programme, request.user)
    report, made = services.start_draft(programme=programme, by=request.user, inputs=inputs, from_report=from_report)
    if made:
        messages.success(request, f"Version {report.number} has been started as a draft. Only leads can see it.")
    else:
        messages.info(request, "There is a draft already, so no new one was started. Here it is.")
    return redirect("learning_edit", report.pk)


@require_safe
def report(request, pk):
    item = _report(request, pk)
    programme = item.programme
    context = _page(
        request,
        programme,
        report=item,
        sections=presenters.theme_sections(item),
        intro=presenters.blocks(item.introduction),
        may_edit=item.is_draft,
        may_download=can(request.user, Perm.EXPORT_DATA, programme.service),
        breadcrumbs=_crumbs(programme, _overview_crumb(programme)),
    )
    return render(request, "learning/report.html", context)


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    item = _report(request, pk, Perm.MANAGE_PROGRAMME, draft_only=True)
    form = LearningReportForm(request.POST or None, initial=initial(item))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_draft(
                item,
                version=data["version"],
                by=request.user,
                title=data["title"],
                introduction=data["introduction"].strip(),
                sections=form.sections(),
            )
        except StaleEdit:
            item = _report(request, pk, Perm.MANAGE_PROGRAMME, draft_only=True)
            form = form.after_stale_save(
                item.version,
                "Someone else saved this draft while you had it open, so your changes have not been saved yet. "
                "Your changes are still below, on top of theirs. Save again to keep them.",
                current=initial(item),
            )
        else:
            messages.success(request, "The draft has been saved.")
            return redirect("learning_report", item.pk)
    programme = item.programme
    context = _page(
        request,
        programme,
        report=item,
        form=form,
        breadcrumbs=_crumbs(programme, _overview_crumb(programme)),
    )
    return render(request, "learning/edit.html", context)


@require_http_methods(["GET", "POST"])
def publish(request, pk):
    item = _report(request, pk, Perm.MANAGE_PROGRAMME, draft_only=True)
    names = services.names_in(item)
    happens = [
        f"Version {item.number} is fixed as it is now: it cannot be changed afterwards.",
        "Everyone in the programme can read it; people whose role lets them export can download it as PDF or Word.",
        "A later version can start from its wording.",
    ]
    if names:
        happens.append(
            "These words may be people’s names: " + ", ".join(names[:12]) + ". The report should describe the "
            "service, not people. If any is a name, go back and reword it; if none is, publish."
        )
    question = confirm.Confirmation(
        title=f"Publish version {item.number}?",
        happens=happens,
        cannot_undo="A published version cannot be changed or withdrawn.",
        button="Publish this version",
        back_href=reverse("learning_report", args=[item.pk]),
        carry={"version": item.version},
    )
    if not confirm.confirmed(request):
        return confirm.page(request, question, _page(request, item.programme))
    try:
        services.publish(item, version=int(request.POST.get("version", "0")), by=request.user)
    except (StaleEdit, ValueError):
        messages.error(
            request, "The draft changed after you opened it, so it has not been published. Read it again first."
        )
        return redirect("learning_report", item.pk)
    messages.success(request, f"Version {item.number} has been published.")
    return redirect("learning_report", item.pk)


@require_safe
def download(request, pk, fmt):
    if fmt not in {"pdf", "docx"}:
        raise Http404
    item = _report(request, pk, Perm.EXPORT_DATA if not _is_draft(request, pk) else Perm.MANAGE_PROGRAMME)
    document = presenters.document(item, item.programme.service.name)
    filename = f"learning-report-{item.programme.service.slug}-v{item.number}"
    if item.is_draft:
        filename += "-draft"
    return documents.deliver(
        request,
        service=item.programme.service,
        target=item,
        what="learning report",
        fmt=fmt,
        filename=filename,
        perm=Perm.MANAGE_PROGRAMME if item.is_draft else Perm.EXPORT_DATA,
        document=document,
    )


def _is_draft(request, pk) -> bool:
    return scoped(LearningReport, request.user).filter(pk=pk, status=LearningReport.Status.DRAFT).exists()
