"""Password rules beyond the policy tests in pathfinder/accounts/tests
(ASVS 5.0 6.2): long passphrases of any characters are accepted, a password
is checked exactly as typed, and the sign-in form lets password managers work."""

from django.contrib.auth.password_validation import validate_password
from django.test import Client
from lxml import html


def test_a_long_passphrase_of_any_characters_is_accepted(db):
    for password in ["ы" * 20 + " correct horse battery staple " + "😀" * 20, "a1!" * 40]:
        assert len(password) >= 64
        validate_password(password)  # raises if refused


def test_it_checks_the_password_exactly_as_typed(db):
    from pathfinder.testing import factories

    user = factories.UserFactory(email="case@example.org")
    user.set_password("Tall Trees By The Loch 2026")
    user.save()
    assert user.check_password("Tall Trees By The Loch 2026")
    for near in ["tall trees by the loch 2026", "Tall Trees By The Loch 202", "Tall Trees By The Loch 2026 "]:
        assert not user.check_password(near)


def test_the_sign_in_form_masks_the_password_and_lets_managers_fill_it(db):
    page = html.document_fromstring(Client().get("/accounts/login/").content)
    field = page.cssselect("input[name=password]")[0]
    assert field.get("type") == "password"
    assert field.get("autocomplete") in {"current-password", None}
    assert field.get("onpaste") is None


def test_codes_are_six_digits_and_live_thirty_seconds():
    from allauth.mfa import app_settings

    assert app_settings.TOTP_DIGITS == 6  # 20 bits at least (ASVS 6.5.4)
    assert app_settings.TOTP_PERIOD <= 30


def test_passwords_are_stored_with_a_slow_hash():
    """The suite swaps in MD5 for speed (conftest.py); what the settings module
    itself sets is what production uses."""
    from django.conf import global_settings

    import pathfinder.settings as configured

    first = getattr(configured, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)[0]
    assert first.rsplit(".", 1)[-1] in {"Argon2PasswordHasher", "PBKDF2PasswordHasher", "ScryptPasswordHasher"}
