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


def test_whole_writes_pass(harness):
    made, lead = harness
    checked = _check(made, [_rate(made, lead, "r1")], [_upload(made, lead, "u1")])
    assert checked["problems"] == []
    assert checked["by_kind"]["rating"]["acknowledged"] == 1
    assert checked["by_kind"]["upload"]["acknowledged"] == 1


def test_it_notices_an_acknowledged_rating_or_upload_that_is_missing(harness):
    made, _ = harness
    missing_rating = {"kind": "rating", "marker": "r9", "outcome": "accepted", "round": made["rounds"][0][0]}
    missing_rating |= {"item": made["rating_slots"][0][2], "value": "1"}
    missing_upload = {"kind": "upload", "marker": "u9", "outcome": "accepted", "files": 1}
    checked = _check(made, [missing_rating], [missing_upload])
    assert checked["by_kind"]["rating"]["lost"] == 1
    assert checked["by_kind"]["upload"]["lost"] == 1
    assert checked["lost"] == 2


def test_it_notices_a_rating_without_its_version_step(harness):
    made, lead = harness
    write = _rate(made, lead, "r1")
    Rater.objects.filter(round_id=write["round"]).update(version=F("version") + 1)
    assert any("half there" in problem for problem in _check(made, [write])["problems"])


def test_it_notices_an_upload_without_its_file_or_with_other_bytes(harness):
    made, lead = harness
    first, second = _upload(made, lead, "u1"), _upload(made, lead, "u2")
    PendingUpload.objects.filter(document__audit__title__contains="[u1]").first().delete()
    other = PendingUpload.objects.filter(document__audit__title__contains="[u2]").first()
    other.size += 1
    other.save()
    problems = _check(made, uploads=[first, second])["problems"]
    assert any(p.startswith("upload u1: half there") and "without its file" in p for p in problems), problems
    assert any(p.startswith("upload u2: half there") and "other bytes" in p for p in problems), problems


def test_it_notices_an_upload_whose_counting_task_was_never_queued(harness):
    made, lead = harness
    uploads = [language_audit.Upload("notes-0.txt", 10, faults.upload_content("u1", 0))]
    language_audit.start_audit(
        programme=Programme.objects.get(pk=made["programme"]), by=lead, title="Harness upload [u1]", uploads=uploads
    )
    write = {"kind": "upload", "marker": "u1", "outcome": "unknown", "files": 1}
    problems = _check(made, uploads=[write])["problems"]
    assert any("no counting task queued" in problem for problem in problems), problems
