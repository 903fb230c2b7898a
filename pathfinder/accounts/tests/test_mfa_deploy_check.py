"""Switching off two-step verification in production is never silent: the
deploy check warns, so `check --deploy --fail-level WARNING` fails."""

from pathfinder.core.tests.test_production_settings import manage


def test_it_warns_when_production_turns_two_step_verification_off():
    done = manage("check", "--deploy", "--fail-level", "WARNING", PATHFINDER_REQUIRE_MFA="0")

    assert done.returncode != 0
    assert "PATHFINDER_REQUIRE_MFA" in done.stdout + done.stderr


def test_it_is_quiet_when_two_step_verification_is_required():
    done = manage("check", "--deploy", "--fail-level", "WARNING", PATHFINDER_REQUIRE_MFA="1")

    assert done.returncode == 0, done.stdout + done.stderr
