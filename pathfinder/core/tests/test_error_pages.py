"""Unknown URLs, wrong methods and forged forms get calm pages, never a traceback."""

from django.test import Client


def test_it_shows_a_calm_404_for_an_unknown_url(world, as_user):
    response = as_user(world.lead).get("/no-such-page/")
    assert response.status_code == 404
    assert "We cannot find that page" in response.page.text()
    assert "Traceback" not in response.content.decode()


def test_it_shows_a_calm_405_for_a_wrong_method(world, as_user):
    response = as_user(world.lead).client.delete(f"/programmes/{world.programme.pk}/")
    assert response.status_code == 405
    assert "That did not work" in response.content.decode()
    assert "GET" in response["Allow"]


def test_it_gives_back_what_was_typed_when_a_form_is_forged_or_expired(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.lead, backend="allauth.account.auth_backends.AuthenticationBackend")
    response = client.post(
        f"/programmes/{world.programme.pk}/findings/",
        {"text": "Waiting room feels unsafe at night", "theme": "service_design", "kind": "barrier"},
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Your form could not be sent" in body
    assert "Waiting room feels unsafe at night" in body
    assert "Csrfmiddlewaretoken" not in body  # the form token is not shown back as something typed


def test_it_never_shows_passwords_back(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "someone@example.org", "password": "my secret words here"})
    assert response.status_code == 403
    assert "my secret words here" not in response.content.decode()
    assert "someone@example.org" in response.content.decode()


def test_it_renders_the_500_page_without_the_database(rf):
    from pathfinder.core.views.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.content.decode()
