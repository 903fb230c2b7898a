"""How the evidence app feeds the Progress page: each MAT standard's ratings
over time as a measure (1 red to 5 blue), and the dashboard's Progress panel
with every measure's reading in brief."""

from django.urls import reverse

from pathfinder.programmes.registry import (
    Measure,
    MeasurePoint,
    MeasureSource,
    Panel,
    measure_sources,
    register_measure_source,
    register_panel,
)


def _mat_measures(programme, user) -> list[Measure]:
    """One query: every rating of the programme, oldest first."""
    from pathfinder.evidence.mat import BY_NUMBER, RATING_VALUE
    from pathfinder.evidence.registration import ratings_newest_first

    ratings = reversed(ratings_newest_first(programme, user))
    points: dict[int, list[MeasurePoint]] = {}
    for rating in ratings:
        points.setdefault(rating.standard, []).append(
            MeasurePoint(label=f"{rating.rated_on:%-d %b %Y}", on=rating.rated_on, value=RATING_VALUE[rating.rating])
        )
    return [
        Measure(
            key=f"mat:{number}",
            title=BY_NUMBER[number].title,
            group="MAT standards (rated 1 red to 5 blue)",
            unit=" of 5",
            points=tuple(points[number]),
            direction="higher",
            href=reverse("mat_standard", args=[programme.pk, number]),
        )
        for number in sorted(points)
        if number in BY_NUMBER
    ]


register_measure_source(MeasureSource(key="mat", title="MAT standards", measures=_mat_measures, order=10))


def _panel(programme, request) -> dict:
    from pathfinder.evidence import progress

    views = [progress.reading_only(m) for m in progress.collect(programme, request.user, measure_sources())]
    return {
        "total": len(views),
        "counts": progress.reading_counts(views),
        "notable": [view for view in views if view.spc.reading in {"improving", "concern", "change"}][:5],
    }


register_panel(
    Panel(key="progress", title="Progress", template="evidence/progress/panel.html", context=_panel, order=57)
)
