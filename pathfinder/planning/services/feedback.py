"""State changes for 'you said, we did' items."""

from django.db import transaction

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.planning.models import FeedbackItem
from pathfinder.programmes import services as programme_services

FINDING_SOURCE = "feedback"


@transaction.atomic
def record_feedback(*, programme, by, add_to_findings: bool = False, **fields) -> FeedbackItem:
    """Record what was said. With `add_to_findings` (and a theme), it also goes
    into the programme's findings, so the plan can answer it."""
    item = FeedbackItem.objects.create(programme=programme, created_by=by, **fields)
    if add_to_findings and item.theme:
        item.finding = programme_services.add_finding(
            programme=programme,
            theme=item.theme,
            kind="feedback",
            text=item.said,
            by=by,
            source_type=FINDING_SOURCE,
            source_id=str(item.pk),
            source_label=f"You said, we did: {item.get_source_display().lower()}",
        )
        item.save(update_fields=["finding"])
    audit.record("plan.feedback_recorded", actor=by, service=programme.service, target=item)
    return item


@transaction.atomic
def edit_feedback(item: FeedbackItem, *, version: int, by, **fields) -> None:
    for name, value in fields.items():
        setattr(item, name, value)
    save_if_current(item, version, list(fields))
    audit.record("plan.feedback_recorded", actor=by, service=item.programme.service, target=item)


@transaction.atomic
def set_published(item: FeedbackItem, *, published: bool, by) -> None:
    FeedbackItem.objects.filter(pk=item.pk).update(published=published)
    item.published = published
    audit.record("plan.feedback_published", actor=by, service=item.programme.service, target=item, published=published)
