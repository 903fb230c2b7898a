"""What each endpoint returns, from real records made through the services."""

from datetime import date

import pytest

from pathfinder.assessments import services as assessment_services
from pathfinder.assessments.models import AssessmentRound
from pathfinder.assessments.tests.conftest import agree_all, answer_all
from pathfinder.evidence.tests.mat import rate
from pathfinder.planning.tests.conftest import make_action
from pathfinder.programmes import registry
from pathfinder.programmes.services import add_finding


@pytest.fixture
def client(world, api_client):
    return api_client(world.member)[0]


def test_findings(world, client):
    add_finding(
        programme=world.programme,
        theme="wellbeing",
        kind="barrier",
        text="Supervision is cancelled.",
        by=world.lead,
        principles=["safety", "trust"],
        source_label="Lens event",
    )
    body = client.get(f"/api/v1/programmes/{world.programme.pk}/findings").json()
    assert body["count"] == 1 and body["pages"] == 1
    (finding,) = body["results"]
    assert finding["text"] == "Supervision is cancelled."
    assert finding["principles"] == ["safety", "trust"]
    assert finding["source"] == "Lens event"
    assert "created_by" not in finding


def test_findings_come_in_pages_of_a_hundred(world, client):
    from pathfinder.api.endpoints import PAGE_SIZE

    for number in range(PAGE_SIZE + 1):
        add_finding(programme=world.programme, theme="culture", kind="idea", text=f"Idea {number}", by=world.lead)
    first = client.get(f"/api/v1/programmes/{world.programme.pk}/findings").json()
    second = client.get(f"/api/v1/programmes/{world.programme.pk}/findings?page=2").json()
    assert (first["count"], first["pages"], len(first["results"])) == (PAGE_SIZE + 1, 2, PAGE_SIZE)
    assert [f["text"] for f in second["results"]] == [f"Idea {PAGE_SIZE}"]
    assert client.get(f"/api/v1/programmes/{world.programme.pk}/findings?page=3").status_code == 404


def test_actions_name_no_one(world, client):
    make_action(world, title="Protect reflective practice", status="done")
    (action,) = client.get(f"/api/v1/programmes/{world.programme.pk}/actions").json()["results"]
    assert action["title"] == "Protect reflective practice"
    assert action["done"] is True and action["due_on"] == "2027-03-31"
    assert "owner" not in action and "Bob" not in str(action)


def test_assessment_results_only_for_closed_rounds(world):
    from pathfinder.instruments.models import InstrumentVersion
    from pathfinder.testing.factories import MembershipFactory

    builtin = InstrumentVersion.objects.get(instrument__key="ti-organisational-self-assessment", instrument__owner=None)
    third_rater = MembershipFactory(service=world.service, role="group_member").user
    from pathfinder.api import services

    round_ = assessment_services.open_round(
        programme=world.programme,
        instrument_version=builtin,
        kind=AssessmentRound.Kind.BASELINE,
        title="Baseline 2026",
        raters=[world.lead, world.member, third_rater],
        by=world.lead,
    )
    _, secret = services.new_token(world.lead, name="x", days=30)
    from django.test import Client

    client = Client(headers={"Authorization": f"Bearer {secret}"})
    url = f"/api/v1/programmes/{world.programme.pk}/assessment-results"
    assert client.get(url).json() == []
    for user in (world.lead, world.member, third_rater):
        answer_all(round_, user, 3)
    assessment_services.start_consensus(round_, version=round_.version, by=world.lead)
    round_.refresh_from_db()
    agree_all(round_, world.lead, lambda item: 4)
    round_.refresh_from_db()
    assessment_services.close_round(round_, version=round_.version, by=world.lead)
    (result,) = client.get(url).json()
    assert result["title"] == "Baseline 2026" and result["overall"] == 4.0
    assert result["themes"] and all(theme["score"] == 4.0 for theme in result["themes"])


def test_mat_ratings(world, client):
    rate(world, standard=10, rating="amber")
    rate(world, standard=6, rating="red", days=60)
    ratings = client.get(f"/api/v1/programmes/{world.programme.pk}/mat-ratings").json()["results"]
    assert [(r["standard"], r["rating"]) for r in ratings] == [(6, "red"), (10, "amber")]
    assert ratings[1]["process_evidence"] == "A trauma-informed pathway is agreed."


def test_measures_come_from_the_registry(world, client, monkeypatch):
    measure = registry.Measure(
        key="test:coverage",
        title="Staff trained",
        group="Training",
        unit="%",
        points=(registry.MeasurePoint("March 2026", date(2026, 3, 31), 40.0),),
    )
    seen = []

    def measures(programme, user):
        seen.append((programme, user))
        return [measure]

    monkeypatch.setattr(registry, "_measure_sources", {"test": registry.MeasureSource("test", "Test", measures)})
    (found,) = client.get(f"/api/v1/programmes/{world.programme.pk}/measures").json()
    assert found["key"] == "test:coverage" and found["points"] == [
        {"label": "March 2026", "on": "2026-03-31", "value": 40.0}
    ]
    assert seen == [(world.programme, world.member)]


def test_query_count_does_not_grow_with_findings(world, client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/api/v1/programmes/{world.programme.pk}/findings"
    client.get(url)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    for number in range(30):
        add_finding(programme=world.programme, theme="culture", kind="idea", text=f"Idea {number}", by=world.lead)
    assert queries() == few <= 15


def test_the_schema_is_openapi_3_1_and_public(client):
    from django.test import Client

    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/programmes/{pk}/findings" in schema["paths"]
    answers = schema["paths"]["/api/v1/programmes/{pk}/findings"]["get"]["responses"]
    assert {"200", "401", "403", "404", "422", "429"} <= set(answers)
