"""How outcome measures plug into the programme: a dashboard panel, and each
measure's released average per period for the Progress page."""

from django.urls import reverse

from pathfinder.core import demo as core_demo
from pathfinder.instruments import disclosure
from pathfinder.programmes.registry import (
    Measure as ProgressMeasure,
)
from pathfinder.programmes.registry import (
    MeasurePoint,
    MeasureSource,
    PageRead,
    Panel,
    register_measure_source,
    register_page_read,
    register_panel,
)


def _measure_query(programme, user):
    from pathfinder.core.scoping import scoped
    from pathfinder.measures.models import Measure

    return scoped(Measure, user).filter(service_id=programme.service_id).select_related("instrument")


MEASURES = PageRead(
    key=lambda programme, user: ("outcome-measures", user.pk, programme.service_id), queryset=_measure_query
)
register_page_read("outcome-measures", MEASURES)


def _measures(programme, user) -> list:
    """The service's measures: one query, asked once per page (the panel
    counts them, the Progress measures read them)."""
    return MEASURES.read(programme, user)


def _panel(programme, request) -> dict:
    return {"count": len(_measures(programme, request.user))}


def _progress(programme, user) -> list[ProgressMeasure]:
    """Only figures the gate released: a withheld average is left out."""
    from pathfinder.core.permissions import can
    from pathfinder.core.roles import Perm
    from pathfinder.measures import results

    if not can(user, Perm.VIEW_SURVEY_RESULTS, programme.service):
        return []
    from django.db.models import prefetch_related_objects

    measures = list(_measures(programme, user))
    prefetch_related_objects(measures, "instrument__versions")
    found = results.for_measures(measures)
    progress = []
    for measure in measures:
        definition = measure.latest_version.parsed
        top = max((scale.maximum for scale in definition.scales.values()), default=None)
        points = tuple(
            MeasurePoint(label=period.label, on=period.start, value=float(period.figures.overall))
            for period in found[measure.pk].periods
            if period.figures.overall is not None and not disclosure.is_hidden(period.figures.overall)
        )
        progress.append(
            ProgressMeasure(
                key=f"measure:{measure.pk}",
                title=f"{measure}: average overall score",
                group="Outcome measures",
                unit=f" of {top}" if top else "",
                points=points,
                direction=measure.better,
                href=reverse("measures_results", args=[programme.pk, measure.pk]),
            )
        )
    return progress


register_panel(
    Panel(key="measures", title="Outcome measures", template="measures/panel.html", context=_panel, order=57)
)
register_measure_source(MeasureSource(key="measures", title="Outcome measures", measures=_progress, order=60))


def _demo(context: dict) -> None:
    from pathfinder.measures import demo

    demo.load(context)


core_demo.register(_demo)
