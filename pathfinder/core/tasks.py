"""Background work of the core app (django.tasks)."""

from django.tasks import task


@task()
def render_document(*, document_id: int) -> str:
    """Make one PDF or Word file that a download asked for. It is given the
    row's id only: what the document says waits encrypted in the database."""
    from pathfinder.core.documents import render

    return render(document_id)
