from allauth.mfa.models import Authenticator

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
