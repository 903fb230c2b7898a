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


def coverage_points(required, requirements, people, records, today) -> dict:
    """{practice level: [(label, day, percent trained)]} at the end of every
    month from the first record's (the current month: today), as
    training.coverage() counts a day: of today's people whose role needs the
    level, those whose records that counted on the day (done by then, not yet
    past their refresher date) cover it (training.levels_to_do).

    Worked out person by person rather than day by everyone: what a role needs
    is the same every day, someone with no record that counted on a day is
    trained at nothing then, and what counts for a person changes only where
    one of their records starts or stops counting.
    A test checks it against the day-by-everyone way."""
    import bisect
    import itertools

    from pathfinder.workforce import training
    from pathfinder.workforce.practice_levels import PracticeLevel

    days = month_ends(min(record[6] for record in records), today)
    # What each role needs, once: the levels it must cover, by position in PracticeLevel.
    levels = list(PracticeLevel)
    role_level = {role: required.get(role, PracticeLevel.INFORMED) for role in set(people.values())}
    needs = {
        role: [index for index, level in enumerate(levels) if needed is not None and needed.covers(level)]
        for role, needed in role_level.items()
    }
    needing = [0] * len(levels)
    for role in people.values():
        for index in needs[role]:
            needing[index] += 1
    # Each person's records that can count (offered, not scaffolding).
    theirs: dict[tuple, list] = {}
    for membership_id, staff_id, entry_id, level, active, scaffolding, completed, due in records:
        key = ("m", membership_id) if membership_id else ("s", staff_id)
        if key in people and training.done_entries([(entry_id, level, active, scaffolding)]):
            theirs.setdefault(key, []).append((entry_id, level, completed, due))
    # A record counts on the days from the first on or after it was completed
    # up to (not including) the first on or after its refresher date. Between
    # two such boundaries what counts for a person does not change, so each
    # stretch is worked out once and added to every day in it at once (a
    # running total: +1 where the stretch starts, -1 where it ends).
    change = [[0] * len(levels) for _ in range(len(days) + 1)]
    # (role, what counted) -> the levels it covers: many people share both.
    covered: dict[tuple, tuple] = {}
    for key, rows in theirs.items():
        role = people[key]
        spans = [
            (
                bisect.bisect_left(days, completed),
                len(days) if due is None else bisect.bisect_left(days, due),
                (entry_id, level),
            )
            for entry_id, level, completed, due in rows
        ]
        bounds = sorted({at for start, end, _ in spans for at in (start, end) if at < len(days)} | {len(days)})
        for start, end in itertools.pairwise(bounds):
            counted = frozenset(done for first, last, done in spans if first <= start < last)
            if not counted:
                continue
            found = covered.get((role, counted))
            if found is None:
                missing = training.levels_to_do(role, role_level[role], set(counted), requirements)
                found = covered[(role, counted)] = tuple(index for index in needs[role] if levels[index] not in missing)
            for index in found:
                change[start][index] += 1
                change[end][index] -= 1
    trained, running = [], [0] * len(levels)
    for at in range(len(days)):
        running = [total + step for total, step in zip(running, change[at], strict=True)]
        trained.append(running)
    points: dict = {level: [] for level in levels}
    for at, day in enumerate(days):
        label = f"{day:%B %Y}" + (" (so far)" if day == today and day.day != _last_day(day) else "")
        for index, level in enumerate(levels):
            if needing[index]:
                points[level].append((label, day, 100 * trained[at][index] / needing[index]))
    return {level: rows for level, rows in points.items() if rows}


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
    points = {
        level: [MeasurePoint(label=label, on=day, value=value) for label, day, value in rows]
        for level, rows in coverage_points(required, requirements, people, records, today).items()
    }
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
        if points.get(level)
    ]


def _last_day(day) -> int:
    import calendar

    return calendar.monthrange(day.year, day.month)[1]


from pathfinder.programmes.registry import MeasureSource, register_measure_source  # noqa: E402

register_measure_source(MeasureSource(key="training", title="Training coverage", measures=_coverage_measures, order=40))
