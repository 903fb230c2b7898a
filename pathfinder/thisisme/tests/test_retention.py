"""The scheduled task flags a profile nobody has used, then removes it after
the notice, unless the person uses it in between."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from pathfinder.thisisme import people
from pathfinder.thisisme.models import AccessEvent, PersonProfile, ProfileSection
from pathfinder.thisisme.tasks import review_retention


def _age(profile, days):
    PersonProfile.objects.filter(pk=profile.pk).update(touched_on=timezone.localdate() - timedelta(days=days))


def test_it_flags_then_removes_after_notice(shared, as_user):
    from django.urls import reverse

    as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    _age(shared.profile, 800)
    result = review_retention.enqueue()
    assert result.return_value == "flagged 1, removed 0"
    profile = PersonProfile.objects.get(pk=shared.profile.pk)
    assert profile.removal_due_on == timezone.localdate() + timedelta(days=28)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [shared.world.member.email]
    assert review_retention.enqueue().return_value == "flagged 0, removed 0"
    PersonProfile.objects.filter(pk=profile.pk).update(removal_due_on=timezone.localdate())
    assert review_retention.enqueue().return_value == "flagged 0, removed 1"
    assert not PersonProfile.objects.filter(pk=profile.pk).exists()
    assert not ProfileSection.objects.exists()
    shared.person.refresh_from_db()
    assert not shared.person.is_active and shared.person.full_name == "Erased account"
    # What the audit trail keeps: who looked, never the words.
    assert AccessEvent.objects.filter(profile_ref=shared.profile.ref).count() == 1


def test_using_the_profile_cancels_the_notice(shared):
    _age(shared.profile, 800)
    review_retention.enqueue()
    profile = PersonProfile.objects.get(pk=shared.profile.pk)
    people.touch(profile)
    PersonProfile.objects.filter(pk=profile.pk).update(touched_on=timezone.localdate())
    assert review_retention.enqueue().return_value == "flagged 0, removed 0"
    assert PersonProfile.objects.get(pk=profile.pk).removal_due_on is None


def test_the_person_is_told_when_they_next_open_it(shared, as_user):
    from django.urls import reverse

    _age(shared.profile, 800)
    review_retention.enqueue()
    page = as_user(shared.person).get(reverse("thisisme_home"))
    assert "it was due to be removed on" in page.content.decode()
    assert PersonProfile.objects.get(pk=shared.profile.pk).removal_due_on is None
