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
