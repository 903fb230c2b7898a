"""Every form, fed hostile values: no 5xx, and nothing stored when it is refused.

The forms are found, not listed: for every page in the route matrix
(tests/test_route_matrix.py) the person who may use it (the lead, or a site
administrator for site pages) opens it, and each POST form on it is posted
with hypothesis-drawn values for every field it has; the POST-only routes are
posted with the fields their matrix line sends. Each example runs inside a
savepoint that is rolled back, so every example starts from the same world.

Whatever comes back never carries a typed <script> as markup (it is escaped).
A form is "refused" when it comes back with an error summary or a 4xx; then
every table must be exactly as it was (row counts and a digest of every row).

'This is me' (pathfinder/thisisme) is fuzzed the same way, each page as the
person it is for: the person's own pages (their parts, sharing, stopping a share,
deleting their profile) signed in as the person who holds the profile; the key
worker's pages (a new profile, recovery) as the lead; and setting up, signing in
and the second step as someone not signed in, with a real set-up code, the
person's username and passphrase, and a sign-in waiting for its second step, so
that drawn values reach past the first check. Whatever an example did to the
session (a sign-in, a sign-out, a deleted profile) is undone with the database,
and the next example starts signed in as before.

The API has its own schemathesis run (pathfinder/api/tests/test_api_schemathesis.py).
The sign-in pages are allauth's and are fuzzed in test_fuzz_accounts.py.
"""

import copy
import re
import time

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from pathfinder.workforce import training
from tests.fuzz import hostile, snapshot
from tests.test_route_matrix import ROUTES, _tim

THIS_IS_ME = {"thisisme_person", "thisisme_keyworker", "thisisme_grantee"}
FUZZED = {
    name: route
    for name, route in ROUTES.items()
    if route.access in {"public", "signed_in", "service", "site"} | THIS_IS_ME
}
# Setting up and signing in to 'This is me' are for people who are not signed in.
SIGNED_OUT = {"thisisme_set_up", "thisisme_sign_in", "thisisme_second_step"}
PASSPHRASE = "kettle harbour green morning"  # the person's, in the route matrix's world


def _person(name, route, world):
    if name in SIGNED_OUT:
        return None
    if route.access == "thisisme_person":
        return _tim(world).person
    if route.access == "thisisme_grantee":
        return _tim(world).gp
    if route.access == "site":
        return world.admin
    if route.only and "lead" not in route.only:
        return getattr(world, sorted(route.only)[0])
    return world.lead


# Downloads (PDF, Word, spreadsheets, feeds) hold no forms and are slow to make.
DOWNLOAD = re.compile(r"(_pdf|_download|_export|_feed)$")


def _emergency_start(name, world) -> None:
    """Emergency access and its review show their forms only to someone with
    two-step verification, and the review form only for a use waiting for review."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from pathfinder.thisisme import emergency

    TOTP.activate(world.lead, generate_totp_secret())
    if name == "thisisme_emergency_reviews":
        reason = "The person was taken ill in the waiting room and cannot say what helps."
        emergency.start(_tim(world).profile, user=world.lead, reason=reason, hours=4)


def _signed_out_start(name, world, client) -> dict[str, str]:
    """For 'This is me' set-up and sign-in: what a person would type, offered to
    hypothesis as the fields' sensible values, so examples get past the first check."""
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

    from pathfinder.thisisme import people

    tim = _tim(world)
    if name == "thisisme_set_up":
        _, code = people.create_person(service=world.service, name="Sam", key_worker=world.member, by=world.member)
        return {"code": code, "username": "sam.kerr", "passphrase": "lantern meadow quiet river"}
    if name == "thisisme_sign_in":
        return {"username": "robin", "passphrase": PASSPHRASE}
    if name == "thisisme_second_step":
        secret = generate_totp_secret()
        TOTP.activate(tim.person, secret)
        response = client.post(reverse("thisisme_sign_in"), {"username": "robin", "passphrase": PASSPHRASE})
        assert response["Location"] == reverse("thisisme_second_step")  # waiting for the second step
        return {"code": format_hotp_value(hotp_value(secret, int(time.time()) // 30))}
    return {}


def _forms_for(name, route, world, client, typed=None) -> list[hostile.Form]:
    kwargs = route.kwargs(world) or {}
    url = reverse(name, kwargs=kwargs or None)
    forms = []
    if route.methods == ("GET",) and (DOWNLOAD.search(name) or {"fmt", "layout"} & kwargs.keys()):
        return []
    if "GET" in route.methods:
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            tree = lxml_html.document_fromstring(response.content.decode())
            forms = hostile.forms_in(tree, url)
    # Every page carries the "stay signed in" form; it is fuzzed once, under its own name.
    layout = reverse("account_stay_signed_in")
    forms = [form for form in forms if form.action != layout or name == "account_stay_signed_in"]
    if "GET" not in route.methods:
        # A POST-only URL's form lives on a page above it (…/records/ on the person's page).
        forms += [form for form in _parent_forms(client, url) if form.action == url][:1]
    if "POST" in route.methods and not any(form.action == url for form in forms):
        data = route.data(world)
        fields = [hostile.Field(key, "text", default=str(value)) for key, value in data.items()]
        if name == "account_stay_signed_in":
            fields.append(hostile.Field("next", "hidden", default="/account/"))
        forms.append(hostile.Form(url, fields))
    for form in forms:
        for f in form.fields:
            if f.name in (typed or {}):
                f.default = typed[f.name]
        if typed and "passphrase_again" in {f.name for f in form.fields}:
            next(f for f in form.fields if f.name == "passphrase_again").default = typed["passphrase"]
    # Signing out and the account pages are allauth's (test_fuzz_accounts.py).
    return [form for form in forms if not form.action.startswith("/accounts/")]


def _parent_forms(client, url) -> list[hostile.Form]:
    parts = url.rstrip("/").split("/")
    for depth in range(1, 4):
        parent = "/".join(parts[:-depth]) + "/"
        if parent == "/":
            break
        response = client.get(parent)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            found = [
                form
                for form in hostile.forms_in(lxml_html.document_fromstring(response.content.decode()), parent)
                if form.action == url
            ]
            if found:
                return found
    return []


def _refused(response) -> bool:
    if 400 <= response.status_code < 500:
        return True
    return response.status_code == 200 and b"nhsuk-error-summary" in response.content


def _post(client: Client, form: hostile.Form, data):
    mode = data.draw(st.sampled_from(["fields", "fields", "raw"] if not form.has_files else ["fields", "raw"]))
    if mode == "raw":
        body = hostile.raw_urlencoded([f.name for f in form.fields], data.draw)
        return client.generic("POST", form.action, body, content_type="application/x-www-form-urlencoded"), "raw"
    values = {}
    for f in form.fields:
        if f.kind == "file":
            from django.core.files.uploadedfile import SimpleUploadedFile

            file_name, content = data.draw(hostile.upload_content())
            values[f.name] = SimpleUploadedFile(file_name, content)
            continue
        value = data.draw(hostile._value_for(f), label=f.name)
        if value is not None:
            values[f.name] = value
    return client.post(form.action, values), values


@pytest.mark.parametrize("name", sorted(FUZZED))
def test_it_survives_hostile_input(name, world):
    route = FUZZED[name]
    client = Client(raise_request_exception=False)
    person = _person(name, route, world)
    if person is not None:
        client.force_login(person, backend="allauth.account.auth_backends.AuthenticationBackend")
    # Pages copy the built-in training catalogue into a service the first time
    # they need it: do that now, so it is not taken for a change a form made.
    training.catalogue_for(world.service)
    typed = _signed_out_start(name, world, client) if name in SIGNED_OUT else None
    if name in {"thisisme_emergency", "thisisme_emergency_reviews"}:
        route.kwargs(world)  # the service's settings allow emergency access, with the lead as Caldicott lead
        _emergency_start(name, world)
    forms = _forms_for(name, route, world, client, typed)
    if not forms:
        pytest.skip("no POST form on this page")

    @hostile.FUZZ_SETTINGS
    @given(data=st.data())
    def fuzz(data):
        form = data.draw(st.sampled_from(forms), label="form")
        # A sign-in, sign-out or deleted profile changes the session key; the session
        # rows are rolled back with everything else, so the old cookie is good again.
        cookies = client.cookies
        client.cookies = copy.deepcopy(cookies)
        with transaction.atomic():
            before = snapshot.take()
            response, sent = _post(client, form, data)
            assert response.status_code < 500, (form.action, response.status_code, _short(sent))
            # What was typed comes back escaped, never as markup.
            if response.get("Content-Type", "").startswith("text/html"):
                assert hostile.SCRIPT.encode() not in response.content, (form.action, _short(sent))
            if _refused(response):
                after = snapshot.take()
                assert not snapshot.changed(before, after), (form.action, response.status_code, _short(sent))
            transaction.set_rollback(True)
        client.cookies = cookies

    fuzz()


def _short(sent) -> str:
    text = repr(sent)
    return text if len(text) < 400 else text[:400] + "…"
