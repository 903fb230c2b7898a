"""A document being made in the background: its progress, then the file."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from pathfinder.core import documents
from pathfinder.core.models import RenderedDocument
from pathfinder.core.pages import service_context
from pathfinder.core.scoping import get_for, require, scoped

REFRESH_SECONDS = 3


def _document(request, pk, *, with_file=False) -> RenderedDocument:
    """404 outside the user's services; 403 without the permission the download needs."""
    rows = scoped(RenderedDocument, request.user).select_related("service")
    rows = rows if with_file else rows.defer("content", "source")
    row = get_for(request, rows, pk=pk)
    for perm in row.permission.split(","):
        require(request, perm, row)
    return row


@require_safe
def progress(request, pk):
    row = _document(request, pk)
    context = service_context(
        request,
        row.service,
        document=row,
        format_label={"pdf": "PDF", "docx": "Word"}[row.format],
        # A timed refresh only when the person asks for it (WCAG 2.2.1), and only while waiting.
        follow=row.waiting and request.GET.get("follow") == "1",
        refresh_seconds=REFRESH_SECONDS,
    )
    return render(request, "core/document.html", context)


@require_safe
def download(request, pk):
    row = _document(request, pk, with_file=True)
    if row.status != RenderedDocument.Status.DONE:
        return redirect("document_progress", row.pk)
    return documents.file_response(request, row)
