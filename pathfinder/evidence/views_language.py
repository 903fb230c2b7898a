"""The language audit: the list of audits with their trend, uploading files
(counted by a background task), an audit's progress and results, making a
finding from a result, and the service's lists of terms."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.core.uploads import in_memory_uploads
from pathfinder.evidence import language_audit, presenters_language
from pathfinder.evidence.forms_language import AuditForm, LexiconForm
from pathfinder.evidence.models import AuditDocument, LanguageAudit
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding, Programme
from pathfinder.programmes.services import add_finding
from pathfinder.reports.charts import render_svg

FINDING_SOURCE = "language_audit"
REFRESH_SECONDS = 5


def _programme(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> Programme:
    return get_for(request, Programme, perm, pk=pk)


def _audit(request, pk, perm: Perm = Perm.VIEW_PROGRAMME) -> LanguageAudit:
    audits = scoped(LanguageAudit, request.user).select_related("programme__service")
    return get_for(request, audits, perm, pk=pk)


def _page(request, programme, **context) -> dict:
    return service_context(
        request,
        programme.service,
        programme=programme,
        current="mat",
        can_record=can(request.user, Perm.RECORD_FINDINGS, programme.service),
        **context,
    )


def _crumbs(programme, *extra) -> list[dict]:
    return [{"text": "Language audits", "href": reverse("language_audits", args=[programme.pk])}, *extra]


@require_safe
def audits(request, pk):
    programme = _programme(request, pk)
    rows = list(scoped(LanguageAudit, request.user).filter(programme=programme))
    finished = [a for a in rows if a.status == LanguageAudit.Status.DONE and a.kind == LanguageAudit.Kind.BATCH]
    trends = presenters_language.trends(finished)
    context = _page(
        request,
        programme,
        audits=rows,
        trends=[(trend, render_svg(trend.chart, id_prefix=f"language-trend-{n}")) for n, trend in enumerate(trends)],
        rate_text=presenters_language.rate_text,
    )
    return render(request, "evidence/language/audits.html", context)


@require_http_methods(["GET", "POST"])
@in_memory_uploads()
def audit_new(request, pk):
    programme = _programme(request, pk, Perm.RECORD_FINDINGS)
    form = AuditForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = []
        for upload in form.cleaned_data["documents"]:
            too_big = getattr(upload, "too_big", False)
            try:
                uploads.append(language_audit.Upload(upload.name, upload.size, None if too_big else upload.read()))
            finally:
                upload.close()
        title = form.cleaned_data["title"].strip() or f"Language audit, {timezone.localdate():%-d %B %Y}"
        # One transaction: an audit is never stored without its counting task
        # queued (the database task backend), nor a task queued for no audit.
        with transaction.atomic():
            audit = language_audit.start_audit(programme=programme, by=request.user, title=title, uploads=uploads)
            del uploads
            language_audit.enqueue(audit)
        return redirect("language_audit", audit.pk)
    context = _page(request, programme, form=form, breadcrumbs=_crumbs(programme))
    return render(request, "evidence/language/audit_new.html", context, status=400 if form.errors else 200)


def _findings(request, audit) -> dict[str, Finding]:
    prefix = f"{audit.pk}:"
    found = scoped(Finding, request.user).filter(
        programme=audit.programme, source_type=FINDING_SOURCE, source_id__startswith=prefix
    )
    return {finding.source_id[len(prefix) :]: finding for finding in found}


@require_safe
def audit(request, pk):
    item = _audit(request, pk)
    programme = item.programme
    documents = list(scoped(AuditDocument, request.user).filter(audit=item))
    running = item.status in {LanguageAudit.Status.QUEUED, LanguageAudit.Status.RUNNING}
    done = item.status == LanguageAudit.Status.DONE
    findings = _findings(request, item) if done else {}
    context = _page(
        request,
        programme,
        audit=item,
        documents=documents,
        running=running,
        # The page refreshes itself only when the person asks it to (WCAG 2.2.1:
        # a timed refresh must be under their control), and stops when done.
        follow=running and request.GET.get("follow") == "1",
        read=sum(1 for d in documents if d.status != AuditDocument.Status.WAITING),
        refresh_seconds=REFRESH_SECONDS,
        summary=presenters_language.summary(item, documents) if done else None,
        notable=[(n, findings.get(n.key)) for n in presenters_language.notable(item)],
        rate_text=presenters_language.rate_text,
        breadcrumbs=_crumbs(programme),
    )
    return render(request, "evidence/language/audit.html", context)


@require_POST
def audit_finding(request, pk):
    item = _audit(request, pk, Perm.RECORD_FINDINGS)
    result = presenters_language.notable_by_key(item).get(request.POST.get("result", ""))
    back = reverse("language_audit", args=[item.pk]) + "#findings"
    if result is None:
        messages.error(request, "That result is not in this audit, so no finding was made.")
        return redirect(back)
    source_id = f"{item.pk}:{result.key}"
    existing = scoped(Finding, request.user).filter(
        programme=item.programme, source_type=FINDING_SOURCE, source_id=source_id
    )
    if existing.exists():
        messages.info(request, "This is already a finding, so nothing new was added.")
        return redirect(back)
    add_finding(
        programme=item.programme,
        theme=Theme.POLICIES,
        kind=result.kind,
        text=result.text,
        by=request.user,
        source_type=FINDING_SOURCE,
        source_id=source_id,
        source_label=f"Language audit “{item.title}”",
    )
    messages.success(request, "The finding has been added to the plan's findings inbox.")
    return redirect(back)


@require_http_methods(["GET", "POST"])
def lexicons(request, pk):
    programme = _programme(request, pk, Perm.RECORD_FINDINGS)
    lexicon = language_audit.lexicon_for(programme.service)
    initial = {
        "trauma_informed": lexicon.trauma_informed,
        "stigmatising": lexicon.stigmatising,
        "ignore": lexicon.ignore,
        "version": lexicon.version,
    }
    form = LexiconForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            language_audit.save_lexicon(
                programme.service,
                by=request.user,
                version=data["version"],
                trauma_informed=data["trauma_informed"],
                stigmatising=data["stigmatising"],
                ignore=data["ignore"],
            )
        except language_audit.StaleLexicon:
            form.data = form.data.copy()
            form.data["version"] = str(language_audit.lexicon_for(programme.service).version)
            form.add_error(
                "trauma_informed",
                "Someone else saved these lists while you had them open, so your changes have not been saved "
                "yet. Your changes are still below. Save again to replace their lists with yours.",
            )
        else:
            messages.success(request, "The lists have been saved. New audits will count with them.")
            return redirect("language_audits", programme.pk)
    context = _page(request, programme, form=form, breadcrumbs=_crumbs(programme))
    return render(request, "evidence/language/lexicons.html", context, status=400 if form.errors else 200)
