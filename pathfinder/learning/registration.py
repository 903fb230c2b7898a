"""The learning report's box on the programme dashboard."""

from pathfinder.programmes.registry import PageRead, Panel, register_page_read, register_panel


def _latest_query(programme, user):
    from pathfinder.core.readahead import First
    from pathfinder.core.scoping import scoped
    from pathfinder.learning.models import LearningReport

    return First(
        scoped(LearningReport, user)
        .filter(programme=programme, status=LearningReport.Status.PUBLISHED)
        .only("number", "published_at")
    )


LATEST = PageRead(
    key=lambda programme, user: ("learning-latest", user.pk, programme.pk),
    queryset=_latest_query,
    pages=frozenset({"dashboard"}),
)
register_page_read("learning-latest", LATEST)


def _panel(programme, request) -> dict:
    return {"latest": LATEST.read(programme, request.user)}


register_panel(Panel(key="learning", title="Learning report", template="learning/panel.html", context=_panel, order=95))
