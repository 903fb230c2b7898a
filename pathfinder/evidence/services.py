"""State changes for the MAT standards: ratings are added, never changed."""

from pathfinder.evidence.models import MatStandardAction, MatStandardRating


def rate(*, programme, standard: int, by, rated_on, rating: str, reason: str, **evidence) -> MatStandardRating:
    return MatStandardRating.objects.create(
        programme=programme,
        standard=standard,
        rated_on=rated_on,
        rating=rating,
        reason=reason.strip(),
        rated_by=by,
        process_evidence=evidence.get("process_evidence", "").strip(),
        numerical_evidence=evidence.get("numerical_evidence", "").strip(),
        experiential_evidence=evidence.get("experiential_evidence", "").strip(),
    )


def cite_action(*, programme, standard: int, action_id: int, by) -> MatStandardAction:
    link, _ = MatStandardAction.objects.get_or_create(
        programme=programme, standard=standard, action_id=action_id, defaults={"linked_by": by}
    )
    return link
