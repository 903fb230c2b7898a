"""The crash harness's after-restart check (bench/faults_data.py) must itself
notice an acknowledged rating or upload that is missing, stored twice, or only
half there; otherwise "lost = 0" would prove nothing."""

import pytest
from django.db.models import F

from bench import faults
from bench import faults_data as data
from pathfinder.accounts.models import User
from pathfinder.assessments import services as assessment_services
from pathfinder.assessments.models import Rater
from pathfinder.evidence import language_audit
from pathfinder.evidence.models import PendingUpload
from pathfinder.programmes.models import Programme


@pytest.fixture
def harness(db, tmp_path, settings):
    # As in production: the counting task waits in the database (no worker runs in the harness).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    made = data.setup(code_count=2, action_count=1, out=tmp_path / "codes.txt", rounds=1, rater_count=1)
    lead = User.objects.get(email=made["email"])
    return made, lead


def _rate(made, lead, marker: str):
    section, _index, code, values = made["rating_slots"][0]
    round_pk = made["rounds"][0][0]
    rater = Rater.objects.get(round_id=round_pk, user=lead)
    answer = assessment_services.Answer(value=int(values[1]), evidence=f"Harness rating [{marker}]")
    assessment_services.save_answers(rater, {code: answer}, version=rater.version, resume_at=section)
    return {
        "kind": "rating",
        "marker": marker,
        "outcome": "accepted",
        "round": round_pk,
        "item": code,
        "value": values[1],
    }


def _upload(made, lead, marker: str, files: int = 2):
    uploads = [
        language_audit.Upload(f"notes-{n}.txt", len(faults.upload_content(marker, n)), faults.upload_content(marker, n))
        for n in range(files)
    ]
    audit = language_audit.start_audit(
        programme=Programme.objects.get(pk=made["programme"]),
        by=lead,
        title=f"Harness upload [{marker}]",
        uploads=uploads,
    )
    language_audit.enqueue(audit)
    return {"kind": "upload", "marker": marker, "outcome": "accepted", "files": files}


def _check(made, ratings=(), uploads=()):
    expect = {
        "survey": made["survey"],
        "actions": made["actions"],
        "programme": made["programme"],
        "rounds": made["rounds"],
        "surveys": [],
        "updates": [],
        "ratings": list(ratings),
        "uploads": list(uploads),
    }
    return data.check(expect)


def test_it_passes_whole_writes_and_notices_acknowledged_ones_that_are_missing(harness):
    made, lead = harness
    whole = _check(made, [_rate(made, lead, "r1")], [_upload(made, lead, "u1")])
    assert whole["problems"] == []
    assert whole["by_kind"]["rating"]["acknowledged"] == whole["by_kind"]["upload"]["acknowledged"] == 1

    missing_rating = {"kind": "rating", "marker": "r9", "outcome": "accepted", "round": made["rounds"][0][0]}
    missing_rating |= {"item": made["rating_slots"][1][2], "value": "1"}
    missing_upload = {"kind": "upload", "marker": "u9", "outcome": "accepted", "files": 1}
    checked = _check(made, [missing_rating], [missing_upload])
    assert checked["by_kind"]["rating"]["lost"] == checked["by_kind"]["upload"]["lost"] == 1
    assert checked["lost"] == 2


def test_it_notices_ratings_and_uploads_that_are_half_there(harness):
    made, lead = harness
    rating = _rate(made, lead, "r1")
    # A version step without its answer.
    Rater.objects.filter(round_id=rating["round"]).update(version=F("version") + 1)
    # An upload without one of its files, and one whose file holds other bytes.
    first, second = _upload(made, lead, "u1"), _upload(made, lead, "u2")
    PendingUpload.objects.filter(document__audit__title__contains="[u1]").first().delete()
    other = PendingUpload.objects.filter(document__audit__title__contains="[u2]").first()
    other.size += 1
    other.save()
    # An upload whose counting task was never queued (so it would wait for ever).
    uploads = [language_audit.Upload("notes-0.txt", 10, faults.upload_content("u3", 0))]
    language_audit.start_audit(
        programme=Programme.objects.get(pk=made["programme"]), by=lead, title="Harness upload [u3]", uploads=uploads
    )
    third = {"kind": "upload", "marker": "u3", "outcome": "unknown", "files": 1}

    problems = _check(made, [rating], [first, second, third])["problems"]
    assert any(p.startswith("rating round") and "half there" in p for p in problems), problems
    assert any(p.startswith("upload u1: half there") and "without its file" in p for p in problems), problems
    assert any(p.startswith("upload u2: half there") and "other bytes" in p for p in problems), problems
    assert any(p.startswith("upload u3: half there") and "no counting task queued" in p for p in problems), problems
