"""Emergency ("break glass") access and the service's settings.

Off by default. A service may turn it on for named roles. Each use needs a
written reason, lasts at most 24 hours, opens every part except what has
happened to the person, is flagged to the service's Caldicott lead for review
and is shown to the person in their access log.
"""

from datetime import timedelta

from django.conf import settings as django_settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.links import absolute_url
from pathfinder.core.mail import send_mail
from pathfinder.core.permissions import role_in
from pathfinder.thisisme.models import EmergencyAccess, PersonProfile, ServiceSettings

HOURS = (1, 4, 8, 24)
REASON_MIN = 20
REASON_MAX = 2000


def settings_for(service) -> ServiceSettings:
    row, _ = ServiceSettings.objects.get_or_create(service=service)
    return row


def may_use(user, service) -> bool:
    row = ServiceSettings.objects.filter(service=service).first()
    return bool(row and row.emergency_access and role_in(user, service) in row.emergency_roles)


@transaction.atomic
def start(profile: PersonProfile, *, user, reason: str, hours: int) -> EmergencyAccess:
    if not may_use(user, profile.service):
        raise PermissionError("Emergency access is not available to you in this service.")
    if hours not in HOURS or hours > EmergencyAccess.MAX_HOURS:
        raise ValueError("Emergency access lasts at most 24 hours.")
    if len(reason.strip()) < REASON_MIN:
        raise ValueError("Say why this is an emergency.")
    now = timezone.now()
    use = EmergencyAccess(
        profile=profile,
        profile_ref=profile.ref,
        service=profile.service,
        user=user,
        role=role_in(user, profile.service),
        started_at=now,
        ends_at=now + timedelta(hours=hours),
    )
    use.reason = reason.strip()
    use.review_note = ""
    use.save()
    # The reason is not in the audit event: it may say things about the person.
    audit.record("thisisme.emergency_access", actor=user, service=profile.service, target=use, hours=hours)
    _flag_to_caldicott_lead(use)
    return use


def _flag_to_caldicott_lead(use: EmergencyAccess) -> None:
    lead = settings_for(use.service).caldicott_lead
    if lead is None or not lead.is_active:
        return
    link = absolute_url(reverse("thisisme_emergency_reviews", args=[use.service.slug]))
    # No names and no reason in the e-mail: the review page shows them after signing in.
    send_mail(
        "Emergency access to a 'This is me' profile needs your review",
        f"Someone in {use.service.name} used emergency access to a person's 'This is me' profile.\n\n"
        f"As Caldicott lead, please review it here: {link}\n",
        django_settings.DEFAULT_FROM_EMAIL,
        [lead.email],
    )


def for_review(service) -> list[EmergencyAccess]:
    return list(
        EmergencyAccess.objects.filter(service=service).select_related("user", "reviewed_by", "profile__person")
    )


def review(use: EmergencyAccess, *, by, note: str) -> EmergencyAccess:
    use.review_note = note.strip()
    use.reviewed_at = timezone.now()
    use.reviewed_by = by
    use.save(update_fields=["review_note_encrypted", "reviewed_at", "reviewed_by"])
    audit.record("thisisme.emergency_reviewed", actor=by, service=use.service, target=use)
    return use


def is_caldicott_lead(user, service) -> bool:
    row = ServiceSettings.objects.filter(service=service).first()
    return bool(row and row.caldicott_lead_id == user.pk and role_in(user, service))


def uses_for_person(profile: PersonProfile) -> list[EmergencyAccess]:
    return list(EmergencyAccess.objects.filter(profile_ref=profile.ref).select_related("user"))
