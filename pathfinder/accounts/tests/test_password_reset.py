"""Resetting a forgotten password by e-mail, without revealing who has an account."""

import re

from django.core import mail

from pathfinder.accounts.tests.conftest import is_signed_in, sign_in

NEW_PASSWORD = "kettle orchard lantern violet"


def _ask_for_a_link(client, email):
    return client.post("/accounts/password/reset/", {"email": email})


def _link() -> str:
    [message] = mail.outbox
    [path] = re.findall(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body)
    return path


def test_it_sends_a_link_to_a_known_address(world, signed_out):
    response = _ask_for_a_link(signed_out, world.member.email)

    assert response["Location"] == "/accounts/password/reset/done/"
    [message] = mail.outbox
    assert message.to == [world.member.email]
    assert message.subject == "Pathfinder: Reset your password"
    # Our own calm wording, not the library's "Hello from testserver!"
    assert "testserver" not in message.body.split("http")[0]
    assert "If you did not ask for this, you can ignore this email" in message.body


def test_it_answers_the_same_for_an_unknown_address(world, signed_out):
    response = _ask_for_a_link(signed_out, "nobody@example.org")

    assert response["Location"] == "/accounts/password/reset/done/"
    assert mail.outbox == []


def test_it_sets_a_new_password_from_the_link(world, signed_out):
    _ask_for_a_link(signed_out, world.member.email)
    form = signed_out.get(_link(), follow=True)
    assert form.redirect_chain, "django-allauth moves the key out of the address first"
    page = form.page
    assert page.title.startswith("Choose a new password")

    response = signed_out.post(form.request["PATH_INFO"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response["Location"] == "/accounts/password/reset/key/done/"
    assert signed_out.get(response["Location"]).page.title.startswith("Your password has been changed")
    assert not is_signed_in(signed_out)
    sign_in(signed_out, world.member.email, NEW_PASSWORD)
    assert is_signed_in(signed_out)


def test_it_holds_a_new_password_to_the_policy(world, signed_out):
    _ask_for_a_link(signed_out, world.member.email)
    form = signed_out.get(_link(), follow=True)

    response = signed_out.post(form.request["PATH_INFO"], {"password1": "password1234", "password2": "password1234"})

    assert response.page.error_summary() == ["This password is too common."]
    world.member.refresh_from_db()
    assert not world.member.check_password("password1234")


def test_it_refuses_a_made_up_link(world, signed_out):
    page = signed_out.get("/accounts/password/reset/key/2-abcdef-0123456789abcdef/", follow=True).page

    assert page.title.startswith("This link does not work")
