"""PDF and Word downloads, made in the background and kept while unchanged.

A download view gathers what the document says (a reports Document, or our
own HTML for shapes a Document cannot hold) and calls `deliver`. That is the
quick part: queries and plain data. The slow part, WeasyPrint or python-docx,
runs as a background task (django.tasks; the database worker in production)
while the person sees a progress page that works without JavaScript.

The kept file is keyed by a hash of exactly what the document says, so:
- the same content asked for again is handed over at once, never rendered twice;
- any change to the data changes the content, so the kept copy is never stale;
- once a newer copy is made, older copies of the same document are deleted.

What the document says and the file are stored encrypted (core.crypto): reports
hold findings, interview summaries and plans. The export is written to the
audit log when the file is handed over, as the downloads always did.
"""

import base64
import hashlib
import logging
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone

from pathfinder.core import audit, crypto
from pathfinder.core.models import RenderedDocument
from pathfinder.reports import exports, serial
from pathfinder.reports.content import Document

logger = logging.getLogger(__name__)

# Change this when the renderers change what a file looks like: every kept
# copy is then made again on its next download.
RENDERER_VERSION = "1"
# A copy waiting longer than this (a worker stopped, say) is queued again when asked for.
STUCK_AFTER = timedelta(minutes=10)
EXTENSIONS = {"pdf": ".pdf", "docx": ".docx"}
Status = RenderedDocument.Status


def _context(key: str) -> bytes:
    return f"rendered-document:{key}".encode()


def _seal(text: str, key: str) -> str:
    return crypto.encrypt_undated(text, context=_context(key))


def _open(token: str, key: str) -> str:
    return crypto.decrypt_undated(token, context=_context(key))


def subject_of(target) -> str:
    return f"{target._meta.label_lower}:{target.pk}"


def source_for(*, document: Document | None = None, html: str | None = None) -> str:
    """What the task will render, as text: 'document:' + JSON, or 'html:' + our own HTML."""
    if (document is None) == (html is None):
        raise ValueError("Give either a document or HTML.")
    return f"document:{serial.to_json(document)}" if document is not None else f"html:{html}"


def key_for(*, subject: str, what: str, fmt: str, perms: str, source: str) -> str:
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, subject, what, fmt, perms, source):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def deliver(request, *, service, target, what: str, fmt: str, filename: str, perm, document=None, html=None):
    """The file at once if a copy of exactly this content is kept (or was made
    just now); otherwise the progress page, while a task makes it. `perm` (one
    permission or several) is what the progress page and the file ask of whoever
    opens them: the same as the download view itself asked."""
    kept = prepare(
        service=service,
        target=target,
        what=what,
        fmt=fmt,
        filename=filename,
        perm=perm,
        by=request.user,
        source_url=request.get_full_path(),
        document=document,
        html=html,
    )
    if kept.status != Status.DONE:
        kept.refresh_from_db()  # a task backend that runs at once has already made it
    if kept.status == Status.DONE:
        return file_response(request, kept, filename=filename)
    return redirect("document_progress", kept.pk)


def prepare(*, service, target, what, fmt, filename, perm, by, source_url, document=None, html=None):
    """The kept copy of exactly this content, or a new one queued (or a failed
    or stuck one queued again). The caller has checked the person may have it."""
    if fmt not in EXTENSIONS:
        raise ValueError(f"Documents are PDF or Word, not {fmt!r}.")
    if html is not None and fmt != "pdf":
        raise ValueError("HTML becomes a PDF only.")
    source = source_for(document=document, html=html)
    subject = subject_of(target)
    perms = ",".join(str(p) for p in ([perm] if isinstance(perm, str) else perm))
    key = key_for(subject=subject, what=what, fmt=fmt, perms=perms, source=source)
    kept = RenderedDocument.objects.filter(service=service, key=key).first()
    if kept is None:
        return _queue_new(
            service=service,
            what=what,
            subject=subject,
            fmt=fmt,
            key=key,
            perm=perms,
            filename=exports.safe_filename(filename, EXTENSIONS[fmt]),
            source=source,
            source_url=source_url,
            by=by,
        )
    if kept.status == Status.FAILED or (kept.waiting and timezone.now() - kept.created_at > STUCK_AFTER):
        _queue_again(kept, source)
    return kept


def _queue_new(*, service, what, subject, fmt, key, perm, filename, source, source_url, by) -> RenderedDocument:
    try:
        with transaction.atomic():
            row = RenderedDocument.objects.create(
                service=service,
                what=what,
                subject=subject,
                format=fmt,
                key=key,
                permission=perm,
                filename=filename,
                source_url=source_url[:300],
                source=_seal(source, key),
                requested_by=by if getattr(by, "is_authenticated", False) else None,
            )
    except IntegrityError:  # someone asked for the same document at the same moment
        return RenderedDocument.objects.get(service=service, key=key)
    enqueue(row)
    return row


def _queue_again(row: RenderedDocument, source: str) -> None:
    row.status = Status.QUEUED
    row.source = _seal(source, row.key)
    row.created_at = timezone.now()
    row.started_at = row.finished_at = None
    row.save(update_fields=["status", "source", "created_at", "started_at", "finished_at"])
    enqueue(row)


def enqueue(row: RenderedDocument) -> None:
    from pathfinder.core.tasks import render_document

    render_document.enqueue(document_id=row.pk)


def file_response(request, row: RenderedDocument, *, filename: str | None = None):
    """The kept file as a download, written to the audit log as an export."""
    label, _, pk = row.subject.rpartition(":")
    audit.record(
        audit.Kind.EXPORT,
        actor=request.user,
        service=row.service,
        target_ref=(label, pk),
        format=row.format,
        what=row.what,
    )
    content = base64.b64decode(_open(row.content, row.key))
    return exports.attachment_response(content, filename or row.filename, EXTENSIONS[row.format])


# --- The task's work --------------------------------------------------------------------


def render_bytes(fmt: str, source: str) -> bytes:
    kind, _, text = source.partition(":")
    if kind == "html":
        from pathfinder.reports.pdf import html_pdf_bytes

        return html_pdf_bytes(text)
    document = serial.from_json(text)
    return exports.pdf_bytes(document) if fmt == "pdf" else exports.docx_bytes(document)


def render(document_id: int) -> str:
    """Make one queued document. Safe to run twice: a finished one is left alone."""
    with transaction.atomic():
        row = RenderedDocument.objects.select_for_update().filter(pk=document_id).first()
        if row is None or row.status == Status.DONE or not row.source:
            return "nothing to do"
        row.status, row.started_at = Status.RUNNING, timezone.now()
        row.save(update_fields=["status", "started_at"])
    started = time.perf_counter()
    try:
        content = render_bytes(row.format, _open(row.source, row.key))
    except Exception:
        # The person sees "could not be made" and can try again; the details go to the log only.
        logger.exception("Document %s (%s) could not be rendered", row.pk, row.what)
        row.status, row.finished_at = Status.FAILED, timezone.now()
        row.save(update_fields=["status", "finished_at"])
        return "failed"
    row.content = _seal(base64.b64encode(content).decode("ascii"), row.key)
    row.size = len(content)
    row.render_seconds = time.perf_counter() - started
    row.status, row.finished_at, row.source = Status.DONE, timezone.now(), ""
    row.save(update_fields=["content", "size", "render_seconds", "status", "finished_at", "source"])
    _forget_older(row)
    return "done"


def _forget_older(row: RenderedDocument) -> None:
    """Older copies of the same document say something out of date: delete them."""
    RenderedDocument.objects.filter(
        service=row.service_id, subject=row.subject, what=row.what, format=row.format
    ).exclude(pk=row.pk).exclude(status__in=[Status.QUEUED, Status.RUNNING]).delete()


def rotate_all() -> int:
    """Re-encrypt kept documents under the newest key (see core.crypto)."""
    changed = 0
    for row in RenderedDocument.objects.iterator():
        fields = [name for name in ("source", "content") if getattr(row, name)]
        stale = [name for name in fields if not crypto.undated_is_current(getattr(row, name))]
        for name in stale:
            setattr(row, name, _seal(_open(getattr(row, name), row.key), row.key))
        if stale:
            row.save(update_fields=stale)
            changed += 1
    return changed
