"""Retention: a profile nobody has touched for the service's retention period
is flagged to the person and their key worker, then removed after the notice
period if still untouched. Run daily by the `thisisme.tasks.review_retention`
task (`manage.py thisisme_retention` queues it; see docs/this-is-me.md)."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.links import absolute_url
from pathfinder.core.mail import send_mail
from pathfinder.thisisme import people
from pathfinder.thisisme.models import PersonProfile, ServiceSettings


@dataclass
class Outcome:
    flagged: int = 0
    removed: int = 0


def _settings(service_id, cache) -> ServiceSettings:
    if service_id not in cache:
        cache[service_id] = ServiceSettings.objects.filter(service_id=service_id).first() or ServiceSettings()
    return cache[service_id]


def review(today=None) -> Outcome:
    today = today or timezone.localdate()
    outcome, cache = Outcome(), {}
    for profile in PersonProfile.objects.select_related("person", "service", "key_worker").order_by("pk"):
        rules = _settings(profile.service_id, cache)
        if profile.removal_due_on and profile.removal_due_on <= today:
            people.erase(profile, why="retention")
            outcome.removed += 1
        elif profile.retention_notice_on is None and profile.touched_on < today - timedelta(days=rules.retention_days):
            profile.retention_notice_on = today
            profile.removal_due_on = today + timedelta(days=rules.notice_days)
            profile.save(update_fields=["retention_notice_on", "removal_due_on"])
            audit.record("thisisme.retention_notice", service=profile.service, target=profile)
            _tell_key_worker(profile)
            outcome.flagged += 1
    return outcome


def _tell_key_worker(profile: PersonProfile) -> None:
    worker = profile.key_worker
    if worker is None or not worker.is_active:
        return
    link = absolute_url(reverse("thisisme_person", args=[profile.service.slug, profile.ref]))
    send_mail(
        "A 'This is me' profile will be removed unless it is used",
        f"A 'This is me' profile you helped set up has not been used for a long time. "
        f"It will be removed on {profile.removal_due_on:%d %B %Y} unless the person signs in, "
        f"or you let them know.\n\nSee the details here: {link}\n",
        settings.DEFAULT_FROM_EMAIL,
        [worker.email],
    )
