"""How the evidence of change plugs into the programme: a nav item and a
dashboard panel with the latest MAT standard ratings."""

from pathfinder.programmes.registry import PageRead, Panel, register_page_read, register_panel


def _ratings(programme, user):
    from pathfinder.core.scoping import scoped
    from pathfinder.evidence.models import MatStandardRating

    return (
        scoped(MatStandardRating, user)
        .filter(programme=programme)
        .only("standard", "rating", "rated_on", "created_at")
        .order_by("-rated_on", "-created_at", "-pk")
    )


RATINGS = PageRead(key=lambda programme, user: ("mat-ratings", user.pk, programme.pk), queryset=_ratings)
register_page_read("mat-ratings", RATINGS)


def ratings_newest_first(programme, user) -> list:
    """Every MAT standard rating of the programme, newest first: one query,
    asked once per page (the panel and the Progress measures share it)."""
    return RATINGS.read(programme, user)


def _panel(programme, request) -> dict:
    from pathfinder.evidence import presenters

    rows = presenters.latest_by_standard(ratings_newest_first(programme, request.user))
    return {
        "counts": [entry for entry in presenters.colour_counts(rows) if entry[2]],
        "rated": sum(1 for row in rows if row.latest),
        "total": len(rows),
        "tag": presenters.tag,
    }


register_panel(Panel(key="mat", title="MAT standards", template="evidence/panel.html", context=_panel, order=55))

from pathfinder.evidence import registration_language  # noqa: E402, F401  the language audit
