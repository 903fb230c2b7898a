"""Results go through the disclosure gate: small groups are withheld, and
nobody can be singled out by recording (or waiting for) a record and looking again."""

from pathfinder.instruments import disclosure
from pathfinder.measures import results
from pathfinder.measures.models import Release
from pathfinder.measures.tests.helpers import Q2, Q3, example, record


def _results(measure):
    measure = type(measure).objects.prefetch_related("instrument__versions").get(pk=measure.pk)
    return results.for_measures([measure])[measure.pk]


def _period(found, key="2026-Q2"):
    return next(period.figures for period in found.periods if period.key == key)


def _people(world, measure, count, start=0, on=Q2, value=None):
    for number in range(start, start + count):
        record(world, measure, f"KW-{number}", on=on, value=value or 1 + number % 5)


def test_a_small_group_is_withheld_with_the_reason(world, as_user):
    measure = example(world)
    _people(world, measure, 3)
    figures = _period(_results(measure))
    assert disclosure.is_hidden(figures.people)
    assert all(disclosure.is_hidden(value) for *_, value in figures.means)
    page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/measures/{measure.pk}/")
    text = page.content.decode()
    assert "not shown" in text and "fewer than 10 responses" in text
    assert not Release.objects.exists()


def test_ten_people_give_a_count_and_means(world):
    measure = example(world)
    _people(world, measure, 10)
    figures = _period(_results(measure))
    assert figures.people == 10
    assert figures.overall == 3.0  # values 1..5 twice
    assert dict((key, value) for key, _t, value in figures.means)["section:feeling"] == 3.0


def test_a_mean_everyone_shares_is_withheld(world):
    measure = example(world)
    _people(world, measure, 10, value=4)
    figures = _period(_results(measure))
    assert figures.people == 10
    assert figures.overall is results.SAME_SCORES


def test_a_lead_cannot_single_out_one_person_by_recording_and_looking(world, as_user):
    """The attack: read the figures for ten people, record an eleventh person
    whose answers you want to learn about (or wait for a colleague to), read
    them again, and work out the newcomer's score from the difference."""
    measure = example(world)
    client = as_user(world.lead)
    url = f"/programmes/{world.programme.pk}/measures/{measure.pk}/"
    _people(world, measure, 10)
    before = _period(_results(measure))
    assert before.people == 10 and before.overall == 3.0
    client.get(url)

    record(world, measure, "KW-TARGET", value=5, by=world.member)
    after = _period(_results(measure))
    # Unchanged: 11 * new mean - 10 * old mean would be the newcomer's score.
    assert (after.people, after.overall) == (before.people, before.overall)
    assert after.held_back
    text = client.get(url).content.decode()
    assert "Records added since then are not counted yet" in text

    # Recording the same person again in the period (their latest record counts)
    # would move the mean by their change alone: also held back.
    record(world, measure, "KW-3", on=Q2.replace(day=20), value=5)
    assert _period(_results(measure)).overall == before.overall

    # Once ten more people are in, the new figures come from enough others.
    _people(world, measure, 9, start=100)
    released = _period(_results(measure))
    assert released.people == 20 and not released.held_back
    assert Release.objects.filter(family="2026-Q2").count() == 2


def test_every_later_figure_is_checked_against_every_earlier_one(world):
    measure = example(world)
    _people(world, measure, 10)
    _results(measure)
    _people(world, measure, 10, start=10)
    assert _period(_results(measure)).people == 20
    # 21 against 20 singles out one person, though 21 against 10 would not.
    _people(world, measure, 1, start=50)
    assert _period(_results(measure)).people == 20


def test_change_over_time_for_people_with_two_records(world):
    measure = example(world)
    for number in range(12):
        record(world, measure, f"KW-{number}", on=Q2, value=2)
        record(world, measure, f"KW-{number}", on=Q3, value=4 if number < 7 else (2 if number < 10 else 1))
    found = _results(measure)
    change = found.change
    assert change.people == 12
    cells = {key: value for key, _label, value in change.changes}
    assert cells["improved"] == 7
    # Three stayed the same and two got worse: small numbers, withheld together.
    assert disclosure.is_hidden(cells["same"]) and disclosure.is_hidden(cells["worse"])
    assert change.mean_change == disclosure.shown_mean((7 * 2 + 2 * -1) / 12)
    # Each quarter is its own group.
    assert _period(found, "2026-Q2").people == 12 and _period(found, "2026-Q3").people == 12


def test_change_for_lower_is_better_measures(world):
    measure = example(world)
    measure.better = "lower"
    measure.save()
    for number in range(10):
        record(world, measure, f"KW-{number}", on=Q2, value=4)
        record(world, measure, f"KW-{number}", on=Q3, value=2 if number < 5 else 5)
    cells = {key: value for key, _label, value in _results(measure).change.changes}
    assert cells["improved"] == 5 and cells["worse"] == 5 and cells["same"] == 0


def test_change_with_too_few_people_is_withheld(world):
    measure = example(world)
    for number in range(4):
        record(world, measure, f"KW-{number}", on=Q2, value=2)
        record(world, measure, f"KW-{number}", on=Q3, value=4)
    change = _results(measure).change
    assert disclosure.is_hidden(change.people) and disclosure.is_hidden(change.mean_change)
    assert all(disclosure.is_hidden(value) for *_, value in change.changes)


def test_the_progress_source_gives_only_released_means(world):
    from pathfinder.programmes.registry import measure_sources

    measure = example(world)
    _people(world, measure, 10, on=Q2)
    _people(world, measure, 4, on=Q3)
    source = next(source for source in measure_sources() if source.key == "measures")
    [progress] = source.measures(world.programme, world.lead)
    assert [(point.label, point.value) for point in progress.points] == [("April to June 2026", 3.0)]
    assert progress.direction == "higher" and progress.unit == " of 5"
    assert source.measures(world.other_programme, world.outsider) == []
    assert source.measures(world.programme, world.outsider) == []


def test_a_part_some_people_have_no_score_for_is_withheld(world):
    from pathfinder.measures import services
    from pathfinder.measures.tests.helpers import LICENSED

    optional = LICENSED.replace(
        "text: Where the person is with their home.}", "text: Where the person is with their home., optional: true}"
    )
    measure = services.load(world.service, text=optional, name="m.yaml", better="higher", by=world.lead)
    version = measure.latest_version
    for number in range(12):
        answers = {"health.one": 1 + number % 5} | ({"housing.one": 3} if number % 2 else {})
        services.record(
            measure, version=version, reference=f"KW-{number}", recorded_on=Q2, answers=answers, by=world.lead
        )
    means = {key: value for key, _title, value in _period(_results(measure)).means}
    assert means["section:housing"] is results.PART_MISSING
    assert means["section:health"] == disclosure.shown_mean(sum(1 + n % 5 for n in range(12)) / 12)
