import pytest
from cryptography.fernet import Fernet

from pathfinder.core import crypto


def test_it_round_trips_and_hides_the_text(settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    token = crypto.encrypt("my early warning signs")
    assert "warning" not in token
    assert crypto.decrypt(token) == "my early warning signs"


def test_old_values_still_decrypt_after_a_new_key_is_added_and_rotate_to_it(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    token = crypto.encrypt("kept safe")
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert crypto.decrypt(token) == "kept safe"
    rotated = crypto.rotate(token)
    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert crypto.decrypt(rotated) == "kept safe"
    with pytest.raises(ValueError, match="cannot be decrypted"):
        crypto.decrypt(token)


def test_rotatekeys_re_encrypts_authenticator_secrets(settings, world):
    from io import StringIO

    from allauth.mfa.models import Authenticator
    from django.core.management import call_command

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    Authenticator.objects.create(
        user=world.lead, type=Authenticator.Type.TOTP, data={"secret": crypto.encrypt("JBSWY3DPEHPK3PXP")}
    )
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    out = StringIO()
    call_command("pathfinder", "rotatekeys", stdout=out)
    assert "authenticator secrets: 1 re-encrypted" in out.getvalue()
    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert crypto.decrypt(Authenticator.objects.get().data["secret"]) == "JBSWY3DPEHPK3PXP"
