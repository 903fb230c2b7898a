"""kill -9 the production server (and, on PostgreSQL, the database) while
people write; every acknowledged write is there exactly once, nothing
unacknowledged is half there, and the app comes back cleanly."""

import dataclasses

import pytest

from bench import faults


def _assert_safe(result: faults.EngineResult) -> None:
    assert result.problems == []
    assert result.lost == 0
    assert result.acknowledged > 0, "no write was acknowledged, so nothing was tested"
    assert sum(result.kills.values()) == result.restarts_clean


def test_it_keeps_every_acknowledged_write_through_kills(engine, tmp_path):
    # One kill of each kind on PostgreSQL (server and database), two of the server on SQLite.
    kills = 1 if engine == "postgresql" else 2
    options = dataclasses.replace(
        faults.QUICK, engines=(engine,), kills=kills, disk_full=False, report=tmp_path / "faults.md"
    )
    (result,) = faults.run(options)
    _assert_safe(result)


def test_it_answers_calmly_when_the_disk_is_full_and_recovers(engine, tmp_path):
    if engine != "sqlite":
        pytest.skip("a full disk is tried on SQLite, whose file the harness can put on a small filesystem")
    outcome = faults.disk_full(faults.QUICK, faults.random.Random())
    if "skipped" in outcome:
        pytest.skip(outcome["skipped"])
    assert outcome["calm_503"] >= 1, outcome
    assert outcome["other_statuses"] == [], outcome
    assert outcome["refused_not_stored"], outcome
    assert outcome["accepted_after_freeing"] == 10, outcome
    assert outcome["check"]["ok"], outcome


@pytest.mark.faults_long
def test_many_kills_on_both_engines(tmp_path):
    results = faults.run(faults.Options(report=faults.OUT_DIR / "faults.md"))
    for result in results:
        _assert_safe(result)
        if result.disk_full and "skipped" not in result.disk_full:
            assert result.disk_full["ok"], result.disk_full


@pytest.mark.faults_long
@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_backup_taken_during_writes_restores_consistently(engine):
    outcome = faults.backup_under_writes(engine, faults.QUICK, faults.random.Random())
    assert outcome["check"]["problems"] == [], outcome
    assert outcome["acknowledged_before"] > 0, outcome
    assert "verified" in outcome["verify"], outcome


@pytest.mark.faults_long
def test_two_servers_behind_a_proxy_lose_nothing_when_one_dies():
    from bench import faults_proxy

    outcome = faults_proxy.two_servers()
    if "skipped" in outcome:
        pytest.skip(outcome["skipped"])
    assert outcome["problems"] == [] and outcome["lost"] == 0, outcome
    assert outcome["signed_out"] == 0, outcome
    assert outcome["acknowledged_after_kill"] > 0, outcome
    assert outcome["throttling_across_servers"]["ok"], outcome
