"""The learning report's box on the programme dashboard."""

from pathfinder.programmes.registry import Panel, register_panel


def _panel(programme, request) -> dict:
    from pathfinder.core.scoping import scoped
    from pathfinder.learning.models import LearningReport

    latest = (
        scoped(LearningReport, request.user)
        .filter(programme=programme, status=LearningReport.Status.PUBLISHED)
        .only("number", "published_at")
        .first()
    )
    return {"latest": latest}


register_panel(Panel(key="learning", title="Learning report", template="learning/panel.html", context=_panel, order=95))
