"""Flash messages often name people ("Invitation sent to …"): they are kept in
the server-side session, never in a cookie the browser can read."""

from django.conf import settings


def test_it_keeps_messages_out_of_cookies(world, as_user):
    client = as_user(world.lead)

    response = client.post(f"/services/{world.service.slug}/people/", {"email": "dana@example.org", "role": "staff"})

    assert response.status_code == 302
    assert settings.MESSAGE_STORAGE == "django.contrib.messages.storage.session.SessionStorage"
    assert "messages" not in response.cookies
    shown = client.get(response["Location"])
    assert "dana@example.org" in shown.page.text()
