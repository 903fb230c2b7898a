"""A key worker sets up a profile with the person, who uses the one-time code;
recovery needs an in-person identity check and is recorded."""

import re

from django.urls import reverse

from pathfinder.core.models import AuditEvent
from pathfinder.thisisme.models import PersonProfile


def test_it_sets_up_a_profile_and_the_code_works_once(world, as_user, client):
    staff = as_user(world.member)
    response = staff.post(reverse("thisisme_person_new", args=[world.service.slug]), {"name": "Sam", "agreed": "on"})
    assert response.status_code == 302
    profile = PersonProfile.objects.get(person__full_name="Sam")
    shown = staff.get(response["Location"])
    code = re.search(r'id="setup-code">([A-Z0-9-]+)<', shown.content.decode()).group(1)
    # Shown once: opening the page again does not show it.
    assert "setup-code" not in staff.get(response["Location"]).content.decode()
    assert profile.setup_code_hash and code not in str(PersonProfile.objects.values().get())
    assert AuditEvent.objects.filter(kind="thisisme.profile_created").exists()
    client.logout()
    data = {
        "code": code.lower(),
        "username": "sam.h",
        "passphrase": "lighthouse biscuit rain",
        "passphrase_again": "lighthouse biscuit rain",
    }
    assert client.post(reverse("thisisme_set_up"), data).status_code == 302
    client.logout()
    again = client.post(reverse("thisisme_set_up"), {**data, "username": "sam.other"})
    assert again.status_code == 200 and "could not find that set-up code" in again.content.decode()


def test_it_needs_the_person_to_agree(world, as_user):
    response = as_user(world.member).post(reverse("thisisme_person_new", args=[world.service.slug]), {"name": "Sam"})
    assert response.status_code == 200 and response.page.title.startswith("Error: ")
    assert not PersonProfile.objects.exists()


def test_recovery_needs_an_identity_check_and_is_recorded(tim, as_user, client):
    url = reverse("thisisme_recovery", args=[tim.world.service.slug, tim.profile.ref])
    worker = as_user(tim.world.member)
    assert worker.post(url, {}).status_code == 200
    response = worker.post(url, {"identity_check": "photo_id"})
    assert response.status_code == 302
    assert "setup-code" in worker.get(response["Location"]).content.decode()
    event = AuditEvent.objects.get(kind="thisisme.recovery")
    assert event.detail["identity_check"] == "photo_id" and event.actor == tim.world.member
    client.logout()
    old = client.post(reverse("thisisme_sign_in"), {"username": "robin", "passphrase": "kettle harbour green morning"})
    assert old.status_code == 200


def test_an_evaluator_cannot_set_up_profiles_and_an_outsider_gets_404(world, as_user):
    url = reverse("thisisme_person_new", args=[world.service.slug])
    assert as_user(world.viewer).get(url).status_code == 403
    assert as_user(world.outsider).get(url).status_code == 404
