"""People who use the service never reach staff pages, and staff never reach
a person's own pages."""

from django.urls import reverse


def test_a_person_gets_404_on_staff_pages(tim, as_user):
    client = as_user(tim.person)
    for url in [
        reverse("account"),
        reverse("programme_dashboard", args=[tim.world.programme.pk]),
        reverse("thisisme_people", args=[tim.world.service.slug]),
        reverse("thisisme_shared"),
        reverse("wellbeing_plan"),
    ]:
        assert client.get(url).status_code == 404, url


def test_home_takes_a_person_to_their_profile(tim, as_user):
    response = as_user(tim.person).get("/")
    assert response.status_code == 302 and response["Location"] == reverse("thisisme_home")


def test_staff_have_no_own_profile_pages(tim, as_user):
    assert as_user(tim.world.lead).get(reverse("thisisme_home")).status_code == 404


def test_a_person_signs_in_with_username_and_passphrase(tim, client):
    response = client.post(
        reverse("thisisme_sign_in"), {"username": "Robin", "passphrase": "kettle harbour green morning"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("thisisme_home")
    assert client.get(reverse("thisisme_home")).status_code == 200


def test_a_wrong_passphrase_is_refused_kindly(tim, client):
    response = client.post(reverse("thisisme_sign_in"), {"username": "robin", "passphrase": "not it at all"})
    assert response.status_code == 200
    assert "could not sign you in" in response.content.decode()


def test_the_staff_sign_in_never_lets_a_person_in(tim, client):
    client.post(reverse("account_login"), {"login": tim.person.email, "password": "kettle harbour green morning"})
    assert client.get(reverse("thisisme_home")).status_code == 302


def test_signing_out_takes_a_person_back_to_their_sign_in(tim, as_user):
    client = as_user(tim.person)
    page = client.get(reverse("thisisme_home"))
    assert page.page.css(f'form[action="{reverse("account_logout")}"] input[name="next"]')
    response = client.post(reverse("account_logout"), {"next": reverse("thisisme_sign_in")})
    assert response["Location"] == reverse("thisisme_sign_in")


def test_site_administrators_do_not_list_or_disable_person_accounts(tim, as_user):
    client = as_user(tim.world.admin)
    page = client.get(reverse("site_admin_users"))
    assert page.status_code == 200 and "Robin" not in page.content.decode()
    assert client.post(reverse("site_admin_user_disable", args=[tim.person.pk])).status_code == 404
