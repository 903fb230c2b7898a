"""New passwords must be at least 12 characters and not a common one."""

import pytest
from django.contrib.auth.password_validation import CommonPasswordValidator

from pathfinder.testing.factories import TEST_PASSWORD

CHANGE = "/accounts/password/change/"


def _change(client, new_password):
    return client.post(CHANGE, {"oldpassword": TEST_PASSWORD, "password1": new_password, "password2": new_password})


def _still_has_old_password(user) -> bool:
    user.refresh_from_db()
    return user.check_password(TEST_PASSWORD)


def test_it_refuses_a_password_under_12_characters(world, as_user):
    client = as_user(world.member)

    response = _change(client, "Sh0rt-pass!")

    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert response.page.error_summary() == ["This password is too short. It must contain at least 12 characters."]
    assert _still_has_old_password(world.member)


@pytest.mark.parametrize("common", ["password1234", "qwertyuiop123"])
def test_it_refuses_a_common_password(world, as_user, common):
    assert common in CommonPasswordValidator().passwords, "pick one from Django's list of common passwords"
    client = as_user(world.member)

    response = _change(client, common)

    assert response.page.title.startswith("Error: ")
    assert response.page.error_summary() == ["This password is too common."]
    assert _still_has_old_password(world.member)


def test_it_refuses_a_password_like_the_email_address(world, as_user):
    client = as_user(world.member)

    response = _change(client, "bob@example.org")

    assert "The password is too similar to the email." in response.page.error_summary()
    assert _still_has_old_password(world.member)


def test_it_accepts_a_good_passphrase(world, as_user):
    client = as_user(world.member)

    response = _change(client, "kettle orchard lantern violet")

    assert response.status_code == 302
    world.member.refresh_from_db()
    assert world.member.check_password("kettle orchard lantern violet")
