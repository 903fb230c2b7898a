"""Each tool's measure source: the values come out right, only what the
person may see, and survey figures only as the disclosure gate releases them."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from pathfinder.assessments import services as assessment_services
from pathfinder.assessments.tests.conftest import agree_all, answer_all, builtin  # noqa: F401  fixture
from pathfinder.evidence.tests.mat import rate
from pathfinder.planning.models import Action
from pathfinder.planning.services.actions import create_action
from pathfinder.programmes.registry import measure_sources
from pathfinder.surveys import services as survey_services
from pathfinder.surveys.tests.conftest import close, make_survey, respond, tna_version  # noqa: F401  fixtures
from pathfinder.testing.factories import MembershipFactory
from pathfinder.workforce import training
from pathfinder.workforce.tests.conftest import add_staff, entry


def source(key):
    return next(s for s in measure_sources() if s.key == key)


def measures(key, world, user=None):
    return {m.key: m for m in source(key).measures(world.programme, user or world.lead)}


def values(measure):
    return [point.value for point in measure.points]


def test_every_tool_registers_its_source():
    assert {"mat", "assessment", "survey", "training", "plan"} <= {s.key for s in measure_sources()}


# --- MAT standards ----------------------------------------------------------------------


def test_mat_ratings_per_standard_oldest_first(world):
    rate(world, standard=6, rating="red", days=60)
    rate(world, standard=6, rating="green", days=10)
    rate(world, standard=6, rating="amber", days=30)
    rate(world, standard=10, rating="blue", days=5)
    found = measures("mat", world)
    assert set(found) == {"mat:6", "mat:10"}
    assert values(found["mat:6"]) == [1, 2, 4]
    assert values(found["mat:10"]) == [5]
    assert found["mat:6"].href == f"/programmes/{world.programme.pk}/mat-standards/6/"
    assert found["mat:6"].unit == " of 5"


def test_an_outsider_gets_no_mat_measures(world):
    rate(world, standard=6)
    assert measures("mat", world, world.outsider) == {}


# --- Organisational assessment ----------------------------------------------------------


def closed_round(world, version, value, title):
    round_ = assessment_services.open_round(
        programme=world.programme,
        instrument_version=version,
        kind="follow_up",
        title=title,
        raters=[world.lead, world.member],
        by=world.lead,
    )
    for user in (world.lead, world.member):
        answer_all(round_, user, value)
    assessment_services.start_consensus(round_, version=round_.version, by=world.lead)
    round_.refresh_from_db()
    agree_all(round_, world.lead, lambda item: value)
    round_.refresh_from_db()
    assessment_services.close_round(round_, version=round_.version, by=world.lead)
    return round_


def test_assessment_theme_scores_across_closed_rounds(world, builtin):  # noqa: F811
    closed_round(world, builtin, 2, "Baseline")
    closed_round(world, builtin, 4, "A year on")
    # An open round is not a result yet.
    assessment_services.open_round(
        programme=world.programme,
        instrument_version=builtin,
        kind="follow_up",
        title="Open",
        raters=[world.lead],
        by=world.lead,
    )
    found = measures("assessment", world)
    themes = [section.key for section in builtin.parsed.sections]
    assert set(found) == {f"assessment:{key}" for key in themes} | {"assessment:all-themes"}
    for measure in found.values():
        assert values(measure) == [2.0, 4.0]
        assert [p.label for p in measure.points] == ["Baseline", "A year on"]
    assert found["assessment:all-themes"].unit.startswith(" of ")


# --- Surveys ----------------------------------------------------------------------------


def tna(confident):
    return {"about.role": "practitioner", "confidence.trauma_concept": confident, "confidence.applying": 3}


def wave(make_survey, world, title, answers):  # noqa: F811
    survey = make_survey(title=title)
    respond(survey, answers)
    close(survey, world)
    return survey


def test_survey_items_across_waves_only_as_released(make_survey, world):  # noqa: F811
    wave(make_survey, world, "Wave 1", [tna(4)] * 10)
    wave(make_survey, world, "Wave 2", [tna(2)] * 9)  # nine people: nothing released
    wave(make_survey, world, "Wave 3", [tna(5)] * 6 + [tna(3)] * 6)
    found = measures("survey", world)
    [key] = [k for k in found if k.endswith(":item:confidence.trauma_concept")]
    measure = found[key]
    assert [p.label for p in measure.points] == ["Wave 1", "Wave 3"]
    assert values(measure) == [4.0, 4.0]
    # The withheld wave's figure (2.0) is nowhere, not even estimated.
    assert all("Wave 2" not in [p.label for p in m.points] for m in found.values())
    assert all(2.0 not in values(m) for m in found.values() if "confidence.trauma_concept" in m.key)


def test_a_mean_the_gate_withholds_is_missing(make_survey, world):  # noqa: F811
    # Ten people, nine 5s and one 4: an average of 4.9 would give everyone's answer away, so the gate withholds it.
    wave(make_survey, world, "Wave 1", [tna(5)] * 9 + [tna(4)])
    wave(make_survey, world, "Wave 2", [tna(3)] * 5 + [tna(4)] * 5)
    found = measures("survey", world)
    [key] = [k for k in found if k.endswith(":item:confidence.trauma_concept")]
    assert [p.label for p in found[key].points] == ["Wave 2"]
    assert values(found[key]) == [3.5]


def test_people_who_cannot_see_survey_results_get_no_survey_measures(make_survey, world):  # noqa: F811
    wave(make_survey, world, "Wave 1", [tna(4)] * 10)
    staff = MembershipFactory(service=world.service, role="staff").user
    assert measures("survey", world, staff) == {}
    assert measures("survey", world, world.viewer)  # an evaluator may see results


def test_printed_codes_raise_the_threshold_as_on_the_results_page(make_survey, world):  # noqa: F811
    survey = make_survey(title="Printed")
    respond(survey, [tna(4)] * 10, printed=True)
    close(survey, world)
    # Ten answers, but whoever printed the codes may know them all: nothing is released.
    assert survey_services.known_answers(survey) == 10
    assert measures("survey", world) == {}


def test_the_padding_of_many_surveys_at_once(make_survey, world):  # noqa: F811
    emailed = make_survey(title="E-mailed")
    respond(emailed, [tna(4)] * 3)
    printed = make_survey(title="Printed")
    respond(printed, [tna(4)] * 4, printed=True)
    survey_services.invite_members(printed, [world.member], by=world.lead)  # can see results: one more
    link = make_survey(title="Link", distribution="link")
    surveys = [emailed, printed, link]
    batched = survey_services.known_answers_for(surveys)
    # 4 printed codes, plus 1 for an invited member who can see results; e-mailed codes and links add nothing.
    assert [batched[s.pk] for s in surveys] == [survey_services.known_answers(s) for s in surveys] == [0, 5, 0]


# --- Training coverage ------------------------------------------------------------------


def test_training_coverage_by_level_at_each_month_end(world):
    practitioners = add_staff(world.service, "practitioner", 4)
    today = date(2026, 4, 15)
    training.add_record(practitioners[0], entry(world.service, "ti-elearning"), date(2026, 1, 5), by=world.lead)
    training.add_record(practitioners[1], entry(world.service, "ti-elearning"), date(2026, 2, 5), by=world.lead)
    training.add_record(practitioners[1], entry(world.service, "ts-elearning"), date(2026, 3, 31), by=world.lead)
    from pathfinder.workforce.registration import _coverage_measures

    found = {m.key: m for m in _coverage_measures(world.programme, world.lead, today=today)}
    informed, skilled = found["training:informed"], found["training:skilled"]
    assert [p.on for p in informed.points] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), today]
    assert [p.label for p in informed.points][-1] == "April 2026 (so far)"
    assert values(informed) == [25.0, 50.0, 50.0, 50.0]
    assert values(skilled) == [0.0, 0.0, 25.0, 25.0]
    assert "training:enhanced" not in found  # nobody's role needs it


def test_the_latest_coverage_point_is_todays_coverage(world):
    staff = add_staff(world.service, "practitioner", 3)
    training.add_record(
        staff[0], entry(world.service, "ti-elearning"), timezone.localdate() - timedelta(days=3), by=None
    )
    found = measures("training", world)
    report = {row.level.value: row.percent for row in training.coverage(world.service, world.programme).levels}
    assert found["training:informed"].points[-1].value == report["informed"]


def test_training_past_its_refresher_date_stops_counting(world):
    [person] = add_staff(world.service, "practitioner")
    films = entry(world.service, "ti-elearning")
    films.refresh_months = 1
    films.save()
    training.add_record(person, films, date(2026, 1, 10), by=None)
    from pathfinder.workforce.registration import _coverage_measures

    found = {m.key: m for m in _coverage_measures(world.programme, world.lead, today=date(2026, 3, 31))}
    assert values(found["training:informed"]) == [100.0, 0.0, 0.0]


# --- Action completion ------------------------------------------------------------------


def action(world, added, done_on=None):
    made = create_action(
        programme=world.programme, by=world.lead, title="An action", theme="skills", due_on=date(2027, 1, 1)
    )
    when = timezone.make_aware(datetime.combine(added, datetime.min.time()) + timedelta(hours=12))
    fields = {"created_at": when}
    if done_on:
        fields |= {
            "status": Action.Status.DONE,
            "done_at": timezone.make_aware(datetime.combine(done_on, datetime.min.time()) + timedelta(hours=12)),
        }
    Action.objects.filter(pk=made.pk).update(**fields)


def test_share_of_actions_done_at_each_month_end(world):
    from pathfinder.planning.registration import _completion_measures

    action(world, date(2026, 1, 10), done_on=date(2026, 2, 3))
    action(world, date(2026, 1, 20))
    action(world, date(2026, 2, 10), done_on=date(2026, 3, 1))
    action(world, date(2026, 3, 5))
    [measure] = _completion_measures(world.programme, world.lead, today=date(2026, 3, 31))
    assert measure.key == "plan:actions-done"
    assert [p.label for p in measure.points] == ["January 2026", "February 2026", "March 2026"]
    assert values(measure) == [0.0, 100 / 3, 50.0]


def test_no_actions_no_measure(world):
    assert measures("plan", world) == {}
