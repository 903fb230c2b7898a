"""The code an authenticator app would show, for tests.

A code is good for one 30-second step. A test that reads a code and then
takes a moment to send it (a browser fills the form, clicks, the server
answers) can cross into the next step on the way, and the code is then
refused. So when too little of the step is left, wait for the next step to
begin: the code read is then good for at least `margin` seconds.
"""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

STEP = 30


def authenticator_code(secret: str, *, margin: float = 10.0, now=time.time, sleep=time.sleep) -> str:
    left = STEP - now() % STEP
    if left < margin:
        sleep(left + 0.05)
    return format_hotp_value(hotp_value(secret, int(now()) // STEP))
