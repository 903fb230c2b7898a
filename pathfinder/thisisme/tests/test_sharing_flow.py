"""The person shares two parts with a GP professional, who sees those parts and
no others, until the person withdraws: the next request is refused, and the
person sees every read in their access log."""

from django.urls import reverse

from pathfinder.thisisme.models import AccessEvent


def test_it_shows_the_professional_only_the_shared_parts(shared, as_user):
    client = as_user(shared.gp)
    response = client.get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Call me Robin. Text first, please." in text
    assert "Sitting near the door helps me." in text
    assert "Something private and painful." not in text
    assert "What has happened to me" not in text


def test_it_refuses_the_next_request_after_withdrawal(shared, as_user):
    url = reverse("thisisme_shared_profile", args=[shared.profile.ref])
    assert as_user(shared.gp).get(url).status_code == 200
    person = as_user(shared.person)
    response = person.post(reverse("thisisme_withdraw", args=[shared.grant.ref]))
    assert response.status_code == 302
    assert as_user(shared.gp).get(url).status_code == 404


def test_the_person_sees_each_read_in_their_log(shared, as_user):
    url = reverse("thisisme_shared_profile", args=[shared.profile.ref])
    gp = as_user(shared.gp)
    gp.get(url)
    gp.get(reverse("thisisme_shared_pdf", args=[shared.profile.ref]))
    assert AccessEvent.objects.filter(profile_ref=shared.profile.ref).count() == 2
    page = as_user(shared.person).get(reverse("thisisme_access_log"))
    rows = page.page.css("tbody tr")
    assert len(rows) == 2
    assert "Gina Practice" in rows[0].text_content()
    assert "Printed or downloaded" in rows[0].text_content()
    assert "Viewed" in rows[1].text_content()


def test_a_professional_without_a_grant_gets_404_never_a_hint(shared, as_user):
    for who in (shared.nogrant, shared.world.lead, shared.world.outsider):
        response = as_user(who).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
        assert response.status_code == 404


def test_an_expired_grant_is_refused(shared, as_user):
    from django.utils import timezone

    from pathfinder.thisisme.models import ConsentGrant

    ConsentGrant.objects.filter(pk=shared.grant.pk).update(ends_at=timezone.now())
    assert as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref])).status_code == 404


def test_it_asks_a_professional_without_two_step_to_set_it_up(shared, as_user):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=shared.gp).delete()
    response = as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert not AccessEvent.objects.exists()


def test_the_person_shares_through_the_form(tim, as_user):
    client = as_user(tim.person)
    response = client.post(
        reverse("thisisme_share"),
        {"grantee": "partner", "partner": tim.gp.pk, "sections": ["what_helps"], "purpose": "care", "how_long": "30"},
    )
    assert response.status_code == 302
    row = tim.profile.grants.get()
    assert row.grantee_user == tim.gp and row.is_active
    assert (row.ends_at.date() - row.created_at.date()).days in (30, 31)
