from allauth.mfa.models import Authenticator


def has_two_step(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
