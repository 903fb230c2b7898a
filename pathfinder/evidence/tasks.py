"""Background work of the evidence app (django.tasks)."""

from django.tasks import task


@task()
def count_language_audit(*, audit_id: int) -> str:
    """Count a language audit's waiting documents. It is given the audit's id
    only: the files wait encrypted in the database and never pass through here."""
    from pathfinder.evidence.language_audit import run_audit

    return str(run_audit(audit_id))
