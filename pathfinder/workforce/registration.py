"""How training plugs into the programme: a nav item, a dashboard panel, a
source for the findings it creates, and demo data."""

from django.urls import reverse

from pathfinder.core import demo as core_demo
from pathfinder.core.navigation import NavItem, register_nav
from pathfinder.core.roles import Perm
from pathfinder.programmes.registry import (
    FindingSource,
    Panel,
    SupportingFigure,
    SupportingFigureSource,
    register_finding_source,
    register_panel,
    register_supporting_figures,
)
from pathfinder.programmes.services import current_programme
from pathfinder.workforce import demo


def _nav(service, programme):
    programme = programme or current_programme(service)
    return reverse("training_overview", args=[programme.pk]) if programme else None


def _panel(programme, request) -> dict:
    from pathfinder.workforce import presenters, training

    # The programme is the one the dashboard reached through the user's
    # memberships; its latest plan is the one coverage counts against.
    plan = training.latest_plan(programme)
    return {
        "report": training.coverage(programme.service, programme),
        "plan": plan,
        "percent_text": presenters.percent_text,
        "target": training.COVERAGE_TARGET,
    }


def _source_link(finding):
    return reverse("training_overview", args=[finding.programme_id])


register_nav(NavItem("training", "Training", _nav, Perm.VIEW_PROGRAMME, order=50))
register_panel(
    Panel(key="training", title="Training", template="workforce/training/panel.html", context=_panel, order=40)
)
register_finding_source(FindingSource(key="training", label="Training coverage", link=_source_link))
core_demo.register(demo.load)


def _coverage_figures(programme, user) -> list[SupportingFigure]:
    """Training coverage by practice level (MAT standards 6 and 10)."""
    from pathfinder.workforce import presenters, training

    href = reverse("training_overview", args=[programme.pk])
    return [
        SupportingFigure(
            f"{row.level.label} practice",
            f"{row.trained} of {row.needed} trained ({presenters.percent_text(row.percent)})",
            href,
        )
        for row in training.coverage(programme.service, programme).levels
        if row.needed
    ]


register_supporting_figures(
    SupportingFigureSource(
        key="training", label="Training coverage by practice level", figures=_coverage_figures, order=20
    )
)


def month_ends(first, today) -> list:
    """The last day of each month from `first`'s month to the month before
    `today`'s, then `today` itself (the month so far)."""
    import calendar
    from datetime import date

    found, year, month = [], first.year, first.month
    while (year, month) < (today.year, today.month):
        found.append(date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [*found, today]


def _coverage_measures(programme, user, today=None) -> list:
    """Training coverage by practice level at the end of every month since the
    first training was recorded (the current month: today), as
    training.coverage() counts it: today's register, role levels and plan, each
    person counted from when they joined, and the records that counted on that
    day (done by then, not yet past their refresher date). So it reads as "how
    many of today's staff were trained by then": the register does not keep
    when someone joined the service (an imported register is dated the day of
    the import), so leavers and joiners are not rebuilt. Three queries, however
    many people, records or months (the dashboard shares them with the
    training panel)."""
    from django.utils import timezone

    from pathfinder.programmes.registry import Measure, MeasurePoint
    from pathfinder.workforce import training
    from pathfinder.workforce.practice_levels import PracticeLevel

    service = programme.service
    today = today or timezone.localdate()
    required, requirements = training.role_needs(service, programme)
    people, _ = training.people_roles(service)
    records = training.done_records(service) if people else []
    if not records or not people:
        return []
    days = month_ends(min(record[6] for record in records), today)
    points: dict[PracticeLevel, list] = {level: [] for level in PracticeLevel}
    for day in days:
        done: dict[tuple, set] = {}
        for membership_id, staff_id, entry_id, level, active, scaffolding, completed, due in records:
            if completed <= day and (due is None or due > day):
                key = ("m", membership_id) if membership_id else ("s", staff_id)
                done.setdefault(key, set()).update(training.done_entries([(entry_id, level, active, scaffolding)]))
        present = people
        to_do = {
            key: training.levels_to_do(
                role, required.get(role, PracticeLevel.INFORMED), done.get(key, set()), requirements
            )
            for key, role in present.items()
        }
        label = f"{day:%B %Y}" + (" (so far)" if day == today and day.day != _last_day(day) else "")
        for level in PracticeLevel:
            needing = [key for key, role in present.items() if required.get(role, PracticeLevel.INFORMED).covers(level)]
            if needing:
                trained = sum(1 for key in needing if level not in to_do[key])
                points[level].append(MeasurePoint(label=label, on=day, value=100 * trained / len(needing)))
    href = reverse("training_overview", args=[programme.pk])
    return [
        Measure(
            key=f"training:{level.value}",
            title=f"Staff trained at {level.label.lower()} practice",
            group="Training coverage by practice level",
            unit="%",
            points=tuple(points[level]),
            direction="higher",
            href=href,
            theme="skills",
        )
        for level in PracticeLevel
        if points[level]
    ]


def _last_day(day) -> int:
    import calendar

    return calendar.monthrange(day.year, day.month)[1]


from pathfinder.programmes.registry import MeasureSource, register_measure_source  # noqa: E402

register_measure_source(MeasureSource(key="training", title="Training coverage", measures=_coverage_measures, order=40))
