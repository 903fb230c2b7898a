import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils import timezone

from pathfinder.core import crypto


def has_two_step(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def rotate_authenticator_secrets() -> int:
    """Re-encrypt every authenticator secret with the newest key."""
    changed = 0
    for authenticator in Authenticator.objects.filter(type=Authenticator.Type.TOTP):
        secret = authenticator.data.get("secret")
        if secret:
            authenticator.data["secret"] = crypto.rotate(secret)
            authenticator.save(update_fields=["data"])
            changed += 1
    return changed


@dataclass(frozen=True)
class SessionEnd:
    seconds: int
    at: datetime
    absolute: bool  # the 12-hour limit comes before the idle one

    @property
    def clock(self) -> str:
        return f"{timezone.localtime(self.at):%H:%M}"


def session_end(request) -> SessionEnd | None:
    """When this signed-in session will end if nothing more happens: 30 minutes
    from now, or 12 hours after signing in if that is sooner."""
    from pathfinder.accounts.signals import LOGIN_AT

    if not request.user.is_authenticated or not hasattr(request, "session"):
        return None
    idle = settings.SESSION_COOKIE_AGE
    started = request.session.get(LOGIN_AT)
    absolute = idle if started is None else int(started + settings.SESSION_ABSOLUTE_SECONDS - time.time())
    seconds = max(0, min(idle, absolute))
    return SessionEnd(seconds=seconds, at=timezone.now() + timedelta(seconds=seconds), absolute=absolute < idle)
