"""The Progress page's training coverage over time (registration.coverage_points)
is worked out person by person; it must give exactly what the plain way gives:
for every month end, every person, levels_to_do over that day's records."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.workforce import training
from pathfinder.workforce.practice_levels import PracticeLevel
from pathfinder.workforce.registration import _last_day, coverage_points, month_ends

ROLES = ["practitioner", "admin", "manager", "nurse"]
LEVELS = list(PracticeLevel)
TODAY = date(2026, 12, 2)


def reference(required, requirements, people, records, today):
    """The day-by-everyone way (what the Progress page did before)."""
    days = month_ends(min(record[6] for record in records), today)
    points = {level: [] for level in PracticeLevel}
    for day in days:
        done = {}
        for membership_id, staff_id, entry_id, level, active, scaffolding, completed, due in records:
            if completed <= day and (due is None or due > day):
                key = ("m", membership_id) if membership_id else ("s", staff_id)
                done.setdefault(key, set()).update(training.done_entries([(entry_id, level, active, scaffolding)]))
        to_do = {
            key: training.levels_to_do(
                role, required.get(role, PracticeLevel.INFORMED), done.get(key, set()), requirements
            )
            for key, role in people.items()
        }
        label = f"{day:%B %Y}" + (" (so far)" if day == today and day.day != _last_day(day) else "")
        for level in PracticeLevel:
            needing = [key for key, role in people.items() if required.get(role, PracticeLevel.INFORMED).covers(level)]
            if needing:
                trained = sum(1 for key in needing if level not in to_do[key])
                points[level].append((label, day, 100 * trained / len(needing)))
    return {level: rows for level, rows in points.items() if rows}


people_strategy = st.dictionaries(
    st.tuples(st.sampled_from(["m", "s"]), st.integers(1, 12)), st.sampled_from(ROLES), min_size=1, max_size=12
)
record_strategy = st.tuples(
    st.sampled_from(["m", "s"]),
    st.integers(1, 14),  # some records belong to nobody in the register now
    st.integers(1, 6),  # entry id
    st.sampled_from([level.value for level in LEVELS]),
    st.booleans(),  # active
    st.booleans(),  # scaffolding
    st.integers(0, 900),  # completed, days before today
    st.one_of(st.none(), st.integers(-400, 900)),  # refresher due, days after completion
)


@settings(max_examples=150, deadline=None)
@given(
    people=people_strategy,
    required=st.dictionaries(st.sampled_from(ROLES), st.sampled_from(LEVELS)),
    requirements=st.dictionaries(
        st.tuples(st.sampled_from(ROLES), st.sampled_from([level.value for level in LEVELS])),
        st.frozensets(st.integers(1, 6), max_size=3),
    ),
    raw=st.lists(record_strategy, min_size=1, max_size=30),
    today_shift=st.integers(0, 40),
)
def test_it_gives_what_the_day_by_everyone_way_gives(people, required, requirements, raw, today_shift):
    today = TODAY - timedelta(days=today_shift)
    records = []
    for kind, pk, entry_id, level, active, scaffolding, before, due_after in raw:
        completed = today - timedelta(days=before)
        due = None if due_after is None else completed + timedelta(days=due_after)
        membership_id, staff_id = (pk, None) if kind == "m" else (None, pk)
        records.append((membership_id, staff_id, entry_id, level, active, scaffolding, completed, due))
    assert coverage_points(required, requirements, people, records, today) == reference(
        required, requirements, people, records, today
    )
