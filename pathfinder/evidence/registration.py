"""How the evidence of change plugs into the programme: a nav item and a
dashboard panel with the latest MAT standard ratings."""

from pathfinder.programmes.registry import Panel, register_panel


def _panel(programme, request) -> dict:
    from pathfinder.core.scoping import scoped
    from pathfinder.evidence import presenters
    from pathfinder.evidence.models import MatStandardRating

    ratings = scoped(MatStandardRating, request.user).filter(programme=programme).only("standard", "rating")
    rows = presenters.latest_by_standard(ratings)
    return {
        "counts": [entry for entry in presenters.colour_counts(rows) if entry[2]],
        "rated": sum(1 for row in rows if row.latest),
        "total": len(rows),
        "tag": presenters.tag,
    }


register_panel(Panel(key="mat", title="MAT standards", template="evidence/panel.html", context=_panel, order=55))

from pathfinder.evidence import registration_language  # noqa: E402, F401  the language audit
