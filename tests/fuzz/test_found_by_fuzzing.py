"""What the fuzz tests found, kept as plain tests so each stays fixed."""

import pytest


@pytest.mark.parametrize("back", ["a b", "account_sign_ins", "home", "//evil.example/x", "https://evil.example/", ""])
def test_stay_signed_in_goes_back_only_to_a_path_on_this_site(back, world, as_user):
    response = as_user(world.lead).post("/account/stay-signed-in/", {"next": back})
    assert response.status_code == 302
    assert response["Location"] == "/account/"


def test_stay_signed_in_goes_back_to_the_page_it_came_from(world, as_user):
    response = as_user(world.lead).post("/account/stay-signed-in/", {"next": "/account/sign-ins/"})
    assert response["Location"] == "/account/sign-ins/"


@pytest.mark.parametrize("username", ["' OR 1=1 --", "robin smith", "a\tb", "😀"])
def test_this_is_me_sign_in_with_any_username_is_refused_calmly_and_still_counted(username, client, db):
    # Found by fuzzing: the username went into the throttling cache key as typed,
    # and a key with spaces or control characters is refused by cache backends
    # (a warning on the database cache, an error on memcached).
    for _ in range(5):
        response = client.post("/this-is-me/sign-in/", {"username": username, "passphrase": "not the right one"})
        assert response.status_code == 200
        assert "could not sign you in" in response.content.decode()
    response = client.post("/this-is-me/sign-in/", {"username": username, "passphrase": "not the right one"})
    assert "paused it for 15 minutes" in response.content.decode()


@pytest.mark.parametrize("use", ["", "210", "' OR 1=1 --", "2026-02-30"])
def test_a_review_of_emergency_access_that_names_no_use_is_refused_calmly(use, world, as_user):
    # Found by fuzzing: a "use" that was not an id at all answered 500.
    from pathfinder.thisisme import emergency
    from tests.test_route_matrix import _tim_settings

    kwargs = _tim_settings(world)
    client = as_user(world.lead)
    response = client.post(f"/services/{kwargs['slug']}/this-is-me/reviews/", {"use": use, "note": "Checked."})
    assert response.status_code == 200
    assert "could not be found" in response.content.decode()
    assert emergency.for_review(world.service) == []
