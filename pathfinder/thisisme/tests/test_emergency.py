from django.core import mail
from django.urls import reverse

from pathfinder.core.roles import Role
from pathfinder.thisisme import emergency
from pathfinder.thisisme.models import AccessEvent


def _turn_on(tim):
    row = emergency.settings_for(tim.world.service)
    row.emergency_access, row.emergency_roles, row.caldicott_lead = True, [Role.STAFF], tim.world.lead
    row.save()


def test_it_is_off_by_default(shared, as_user):
    url = reverse("thisisme_emergency", args=[shared.world.service.slug, shared.profile.ref])
    assert as_user(shared.nogrant).get(url).status_code == 403


def test_a_use_needs_a_reason_lasts_at_most_a_day_and_is_flagged_and_shown(shared, as_user):
    _turn_on(shared)
    url = reverse("thisisme_emergency", args=[shared.world.service.slug, shared.profile.ref])
    client = as_user(shared.nogrant)
    assert client.post(url, {"reason": "", "hours": "4"}).status_code == 200
    assert client.post(url, {"reason": "Robin collapsed in reception.", "hours": "48"}).status_code == 200
    response = client.post(url, {"reason": "Robin collapsed in reception and cannot speak.", "hours": "4"})
    assert response.status_code == 302
    page = client.get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    assert "Sitting near the door" in page.content.decode()
    assert "private and painful" not in page.content.decode()
    assert len(mail.outbox) == 1 and "Robin" not in mail.outbox[0].body
    event = AccessEvent.objects.get()
    assert event.emergency_ref is not None
    log = as_user(shared.person).get(reverse("thisisme_access_log")).content.decode()
    assert "Emergency access" in log and "Nora Nogrant" in log
    review = as_user(shared.world.lead).get(reverse("thisisme_emergency_reviews", args=[shared.world.service.slug]))
    assert "cannot speak" in review.content.decode()


def test_only_named_roles_may_use_it(shared, as_user):
    _turn_on(shared)
    url = reverse("thisisme_emergency", args=[shared.world.service.slug, shared.profile.ref])
    assert as_user(shared.gp).get(url).status_code == 403
