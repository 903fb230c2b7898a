"""Assurance against a target: consistently passing, consistently failing, or hit
and miss; always from the latest segment's limits."""

from pathfinder.evidence import spc
from pathfinder.evidence.spc import Assurance, Reading

from .series import BASE  # limits 5.68 to 16.32

HIGHER = [22, 20] * 7  # after a rebase: limits 15.68 to 26.32


def test_it_passes_when_the_whole_range_meets_the_target():
    assert spc.xmr(BASE, direction="higher", target=5).assurance is Assurance.PASSING
    assert spc.xmr(BASE, direction="lower", target=17).assurance is Assurance.PASSING


def test_it_fails_when_the_whole_range_misses_the_target():
    assert spc.xmr(BASE, direction="higher", target=17).assurance is Assurance.FAILING
    assert spc.xmr(BASE, direction="lower", target=5).assurance is Assurance.FAILING


def test_it_is_hit_and_miss_when_the_target_is_between_the_limits():
    chart = spc.xmr(BASE, direction="higher", target=12)
    assert chart.assurance is Assurance.HIT_AND_MISS
    assert chart.assurance_meaning.startswith("Hit and miss")
    assert "some of the time" in chart.sentence


def test_it_uses_the_limits_after_a_rebase():
    chart = spc.xmr([*BASE, *HIGHER], rebase_at=[14], direction="higher", target=15)
    assert chart.assurance is Assurance.PASSING
    assert spc.xmr([*BASE, *HIGHER], rebase_at=[14], direction="higher", target=18).assurance is (
        Assurance.HIT_AND_MISS
    )


def test_it_passes_a_series_of_all_hundreds_against_a_target_of_95_or_100():
    for target in (95, 100):
        chart = spc.xmr([100] * 20, direction="higher", target=target)
        assert chart.limits.mean_moving_range == 0
        assert chart.limits.upper == chart.limits.lower == 100
        assert chart.assurance is Assurance.PASSING
        assert chart.reading is Reading.NO_SIGNIFICANT_CHANGE
        assert not any(point.special_cause for point in chart.points)


def test_it_fails_a_series_of_all_hundreds_against_a_higher_target():
    assert spc.xmr([100] * 20, direction="higher", target=101).assurance is Assurance.FAILING


def test_it_sees_any_fall_from_a_steady_hundred_as_a_concern():
    chart = spc.xmr([*[100] * 19, 99], baseline=13, direction="higher", target=95)
    assert chart.points[-1].beyond_limit is not None
    assert chart.reading is Reading.CONCERN
    assert chart.assurance is Assurance.PASSING


def test_it_gives_no_assurance_without_a_target_or_a_direction():
    no_target = spc.xmr(BASE, direction="higher")
    assert no_target.assurance is None and "no target" in no_target.assurance_meaning
    no_direction = spc.xmr(BASE, target=12)
    assert no_direction.assurance is None and "neither higher nor lower" in no_direction.assurance_meaning
