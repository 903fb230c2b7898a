"""The sign-in, password-reset and password-change forms (allauth's, with our
policy and throttling), fed hostile values: never a 5xx, and never an account
or a password changed by a refused form."""

from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz import hostile

FORMS = {
    "/accounts/login/": ["login", "password", "remember"],
    "/accounts/password/reset/": ["email"],
    "/accounts/password/change/": ["oldpassword", "password1", "password2"],
}


def _accounts():
    return list(get_user_model().objects.order_by("pk").values_list("pk", "email", "password", "is_active"))


def test_the_account_forms_survive_hostile_input(world):
    signed_out = Client(raise_request_exception=False)
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(world.member, backend="allauth.account.auth_backends.AuthenticationBackend")

    @settings(hostile.FUZZ_SETTINGS, max_examples=hostile.EXAMPLES * 4)  # three forms in one test
    @given(data=st.data())
    def fuzz(data):
        path = data.draw(st.sampled_from(sorted(FORMS)), label="form")
        client = signed_in if path.endswith("change/") else signed_out
        before = _accounts()
        if data.draw(st.booleans(), label="raw body"):
            body = hostile.raw_urlencoded(FORMS[path], data.draw)
            response = client.generic("POST", path, body, content_type="application/x-www-form-urlencoded")
        else:
            fields = {}
            for name in FORMS[path]:
                value = data.draw(
                    hostile._value_for(hostile.Field(name, "text", default="alice@example.org")), label=name
                )
                if value is not None:
                    fields[name] = value
            response = client.post(path, fields)
        assert response.status_code < 500, (path, response.status_code)
        if response.status_code != 302:
            assert _accounts() == before, path

    fuzz()
