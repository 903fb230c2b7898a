"""The shared presenter: a Measure as an XmR chart, a table and a sentence,
checked against hand-worked series (see tests/series.py for BASE)."""

from datetime import date, timedelta

import pytest

from pathfinder.evidence import progress, spc
from pathfinder.evidence.tests.series import BASE
from pathfinder.programmes.registry import Measure, MeasurePoint


def measure(values, direction="higher", unit="%"):
    start = date(2025, 1, 1)
    points = tuple(
        MeasurePoint(label=f"Point {i + 1}", on=start + timedelta(days=30 * i), value=v) for i, v in enumerate(values)
    )
    return Measure(key="test:one", title="Share trained", group="Tests", unit=unit, points=points, direction=direction)


def column(view, name):
    table = view.chart.table
    index = table.columns.index(name)
    return [row[index] for row in table.rows]


def test_too_few_points_say_how_many_more_are_needed():
    view = progress.present(measure([40, 45]))
    assert view.reading == "Needs 11 more points"
    assert view.spc.reading is spc.Reading.NOT_ENOUGH_DATA
    assert "11 more points are needed" in view.chart.summary
    assert view.chart.table.columns == ["When", "Value"]  # no limits to draw yet
    assert view.latest_text == "45%"
    assert view.chart.summary.startswith("The latest value, for Point 2, is 45%.")


def test_one_more_point_needed_is_said_in_the_singular():
    assert progress.present(measure([1] * 12)).reading == "Needs 1 more point"


def test_a_stable_series_has_its_hand_worked_limits_and_no_significant_change():
    # BASE: mean 11, mean moving range 2, limits 11 ± 2.66 x 2.
    view = progress.present(measure(BASE))
    assert view.reading == "No significant change"
    assert column(view, "Mean") == [pytest.approx(11)] * 14
    assert column(view, "Upper process limit") == [pytest.approx(16.32)] * 14
    assert column(view, "Lower process limit") == [pytest.approx(5.68)] * 14
    assert column(view, "Value") == [float(v) for v in BASE]
    assert "No significant change" in view.chart.summary
    assert "Common cause variation" in view.spc.variation_meaning
    assert view.spc.assurance_meaning == "There is no target, so there is no assurance reading."


@pytest.mark.parametrize(
    ("direction", "reading"),
    [("higher", "Improving"), ("lower", "A concern"), ("neither", "A significant change")],
)
def test_a_point_far_above_the_limits_is_read_by_the_measure_direction(direction, reading):
    # The 15th point, 40, is far above any limit these 15 points can give.
    view = progress.present(measure([*BASE, 40], direction=direction))
    assert view.reading == reading
    assert view.spc.points[-1].beyond_limit is spc.Side.HIGH
    assert view.spc.variation_meaning


def test_recalculating_from_a_point_gives_the_later_points_their_own_limits():
    # Fourteen points around 11, then thirteen around 31 (alternating 32 and 30).
    later = [32, 30] * 6 + [32]
    values = [*BASE, *later]
    before = progress.present(measure(values))
    assert before.reading == "Improving"  # the step up is a shift against limits from all the points
    after = progress.present(measure(values), recalculate_from=15)
    assert after.recalculated_from == 15
    assert after.reading == "No significant change"
    means = column(after, "Mean")
    assert means[:14] == [pytest.approx(11)] * 14
    later_mean = sum(later) / len(later)
    assert means[14:] == [pytest.approx(later_mean)] * 13
    assert after.spc.segments[1].start == 14


def test_after_recalculating_too_soon_the_chart_says_how_many_more_points_it_needs():
    view = progress.present(measure([*BASE, 30, 31, 30]), recalculate_from=15)
    assert view.reading == "Needs 10 more points"
    assert "since the limits were recalculated at point 15" in view.spc.sentence
    means = column(view, "Mean")
    assert means[14:] == [None, None, None]  # the new stretch has no limits yet


def test_where_limits_can_be_recalculated_from():
    short = measure([1] * 13)
    assert "at least 14 points" in progress.recalculation_problem(short, 13)
    long = measure([1] * 20)
    assert progress.recalculation_problem(long, 14) is None
    assert progress.recalculation_problem(long, 20) is None
    assert "from 14 to 20" in progress.recalculation_problem(long, 13)
    assert "from 14 to 20" in progress.recalculation_problem(long, 21)
    assert not progress.present(short).can_recalculate
    assert progress.present(long).can_recalculate


def test_values_read_plainly():
    assert progress.value_text(60, "%") == "60%"
    assert progress.value_text(3.26, " of 5") == "3.3 of 5"
    assert progress.value_text(1234, "") == "1,234"


def test_a_measure_with_no_points_has_no_chart():
    view = progress.present(measure([]))
    assert view.chart is None
    assert view.latest_text == "No value yet"


def test_groups_and_reading_counts():
    views = [
        progress.present(measure([*BASE, 40])),
        progress.present(measure(BASE)),
        progress.present(measure([1, 2])),
    ]
    assert progress.reading_counts(views) == [
        ("Improving", 1),
        ("No significant change", 1),
        ("Not enough points yet", 1),
    ]
    other = progress.present(
        Measure(key="b", title="B", group="Other", unit="", points=(MeasurePoint("x", date(2025, 1, 1), 1),))
    )
    groups = progress.grouped([views[0], other, views[1]])
    assert [(g.title, len(g.views)) for g in groups] == [("Tests", 2), ("Other", 1)]


@pytest.mark.parametrize("values", [[], [1, 2], BASE, [*BASE, 40], [*BASE, 1, 1, 1, 1, 1, 1, 1, 1]])
def test_the_reading_alone_is_the_charts_reading(values):
    """The dashboard and the theory of change read a measure without its chart:
    the same limits, reading and words as the Progress page's chart."""
    alone, charted = progress.reading_only(measure(values)), progress.present(measure(values))
    assert alone.chart is None
    assert alone.spc == charted.spc
    assert (alone.reading, alone.latest_text) == (charted.reading, charted.latest_text)
