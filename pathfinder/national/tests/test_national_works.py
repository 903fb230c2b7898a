"""What works where, and the SPC readings of repeated measures, across services."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from pathfinder.evidence import services as evidence
from pathfinder.national import services
from pathfinder.national.services import oversights
from pathfinder.national.tests.test_national_views import text
from pathfinder.planning.models import Action
from pathfinder.planning.services.actions import create_action

EVERYONE = (None, None, None, None)


def suggest(case, key, *, done, title="From the library"):
    action = create_action(
        programme=case.programme,
        by=case.lead.user,
        title=title,
        theme="culture",
        owner=case.lead,
        starts_on=date(2026, 10, 1),
        due_on=date(2027, 3, 31),
        direct_cost=Decimal("0"),
        staff_hours=Decimal("0"),
    )
    Action.objects.filter(pk=action.pk).update(suggestion_key=key, status="done" if done else "in_progress")


def test_recommendations_most_used_count_services_and_never_show_their_own_titles(nation, as_user):
    for case in (nation.a, nation.b, nation.c):
        suggest(case, "culture-principles-in-practice", done=case is not nation.c, title="Ask Morag Smith to lead")
    suggest(nation.a, "culture-readiness", done=False)
    works = services.figures(services.load(oversights(nation.national)), EVERYONE).works
    assert works.shown
    first = works.most_used[0]
    assert (first.title, first.started, first.done) == (
        "Agree what the five principles look like in our daily work",
        3,
        2,
    )
    assert [use.title for use in works.most_done["Organisational culture"]][:1] == [first.title]
    page = text(as_user(nation.national).get("/national/"))
    assert "Agree what the five principles look like in our daily work" in page
    assert "Morag Smith" not in page
    # Themes with the most progress come first: wellbeing's 5 of 10 before culture's 2 of 4 ... ordered by share.
    assert works.themes[0].percent >= works.themes[-1].percent


def test_what_works_is_hidden_where_fewer_than_three_unnamed_services_used_the_library(nation):
    for case in (nation.a, nation.b):
        suggest(case, "culture-principles-in-practice", done=True)
    works = services.figures(services.load(oversights(nation.national)), EVERYONE).works
    assert not works.shown and works.most_used == []


def test_each_services_mat_chart_reading_is_counted(nation, as_user):
    today = timezone.localdate()
    # Three services whose standard 6 went from red and amber to a run of blue (the fixture's amber,
    # three days ago, falls just before the last): their charts show improvement.
    series = ["red", "red", "amber"] * 4 + ["blue"] * 7
    for case in (nation.a, nation.b, nation.c):
        for n, rating in enumerate(series):
            evidence.rate(
                programme=case.programme,
                standard=6,
                by=case.lead.user,
                rated_on=today - timedelta(days=15 * (len(series) - 1 - n)),
                rating=rating,
                reason="Agreed at the group.",
                process_evidence="A pathway is in place.",
            )
    data = services.load(oversights(nation.national))
    lines = {line.title: line for line in services.figures(data, EVERYONE).readings}
    six = lines["Standard 6: Psychologically and trauma-informed system"]
    assert six.services == 5
    assert six.counts["Not enough points yet"] == 2  # Harbour and Glen have one rating each
    assert six.counts["Improving"] == 3, six.counts
    assert data.rows[0].readings  # every row that has ratings has a reading
    page = text(as_user(nation.national).get("/national/"))
    assert "Repeated measures: where services" in page


def test_a_reading_only_one_unnamed_service_has_is_not_shown(nation):
    evidence.rate(
        programme=nation.lone.programme,
        standard=2,
        by=nation.lone.lead.user,
        rated_on=timezone.localdate() - timedelta(days=2),
        rating="amber",
        reason="Agreed at the group.",
        process_evidence="Choice is offered.",
    )
    lines = {
        line.title: line for line in services.figures(services.load(oversights(nation.national)), EVERYONE).readings
    }
    assert lines["Standard 2: Choice"].counts is None


def test_outcome_measures_readings_come_from_each_services_released_averages(nation):
    from pathfinder.measures import services as measures
    from pathfinder.measures.models import Person, Record
    from pathfinder.national import readings

    today = timezone.localdate()
    quarters = [
        date(today.year - 4 + (today.month - 1 + 3 * n) // 12, (today.month - 1 + 3 * n) % 12 + 1, 1) for n in range(14)
    ]
    quarters = [day for day in quarters if day <= today][-13:]
    series = [2.0] * 9 + [4.0] * 4  # low for two years, then high: improving
    for case in (nation.a, nation.b, nation.c):
        measure = measures.load_example(case.service, by=case.lead.user)
        people = Person.objects.bulk_create(
            [Person(service=case.service, digest=f"{case.service.pk}-{n}") for n in range(10)]
        )
        Record.objects.bulk_create(
            [
                Record(
                    measure=measure,
                    version=measure.latest_version,
                    person=person,
                    recorded_on=day,
                    answers={},
                    scores={"overall": value + (n % 2) * 0.5},
                )
                for day, value in zip(quarters, series, strict=True)
                for n, person in enumerate(people)
            ]
        )
    data = services.load(oversights(nation.national))
    expected = readings.reading_of([value + 0.25 for value in series], "higher")
    name = next(title for kind, title in data.reading_titles.items() if kind.startswith("measure:"))
    line = next(line for line in services.figures(data, EVERYONE).readings if line.title == name)
    assert line.services == 3
    label = dict((reading.value, words) for reading, words in readings.READINGS)[expected]
    assert line.counts[label] == 3 and expected == "improving"
