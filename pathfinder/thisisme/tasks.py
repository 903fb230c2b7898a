"""Background work of 'This is me' (django.tasks)."""

from django.tasks import task


@task()
def review_retention() -> str:
    """Flag profiles past their service's retention period; remove those whose
    notice has run out. Queued daily by `manage.py thisisme_retention`."""
    from pathfinder.thisisme.retention import review

    outcome = review()
    return f"flagged {outcome.flagged}, removed {outcome.removed}"
