"""The tests' authenticator code never expires on its way to the server."""

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from pathfinder.testing.authenticator import authenticator_code

SECRET = "JBSWY3DPEHPK3PXP"


class Clock:
    def __init__(self, at: float):
        self.at = at
        self.slept = 0.0

    def now(self) -> float:
        return self.at

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.at += seconds


def test_early_in_a_step_it_gives_this_steps_code_at_once():
    clock = Clock(3000 + 4)
    code = authenticator_code(SECRET, now=clock.now, sleep=clock.sleep)
    assert clock.slept == 0
    assert code == format_hotp_value(hotp_value(SECRET, 100))


def test_late_in_a_step_it_waits_for_the_next_one():
    clock = Clock(3000 + 25)
    code = authenticator_code(SECRET, now=clock.now, sleep=clock.sleep)
    assert 5 <= clock.slept < 6
    assert code == format_hotp_value(hotp_value(SECRET, 101))
    assert clock.at % 30 < 1
