"""Consent grants: the person shares parts of their profile, for a purpose,
until an end date, and can withdraw at any time. Equally easy both ways.

A grant's status is never stored: it is worked out on each request from
`withdrawn_at` and `ends_at`, so a withdrawal stops the very next request.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.models import Membership, Team
from pathfinder.core.roles import Role
from pathfinder.thisisme import sections as section_data
from pathfinder.thisisme.models import ConsentGrant, PersonProfile

DEFAULT_DAYS = 90
MAX_DAYS = 365
Grantee = ConsentGrant.Grantee


class GrantProblem(ValueError):
    """Something about a grant we cannot accept, said kindly."""


def professionals(profile: PersonProfile, *, partners: bool) -> list:
    """Named people the person can choose: active members of their service
    (partner professionals, or everyone else)."""
    memberships = Membership.objects.active().filter(service=profile.service).select_related("user")
    memberships = memberships.exclude(user__kind="person")
    memberships = memberships.filter(role=Role.PARTNER) if partners else memberships.exclude(role=Role.PARTNER)
    return sorted({m.user for m in memberships}, key=lambda user: user.full_name)


def teams(profile: PersonProfile) -> list[Team]:
    return list(Team.objects.filter(service=profile.service))


@transaction.atomic
def grant(
    profile: PersonProfile,
    *,
    grantee: str,
    sections: list[str],
    purpose: str,
    ends_on,
    user_id: int | None = None,
    team_id: int | None = None,
) -> ConsentGrant:
    today = timezone.localdate()
    if not sections or set(sections) - set(section_data.KEYS):
        raise GrantProblem("Choose at least one part of your profile to share.")
    if purpose not in ConsentGrant.Purpose.values:
        raise GrantProblem("Choose what it is for.")
    if ends_on <= today:
        raise GrantProblem("The end date needs to be after today.")
    if ends_on > today + timedelta(days=MAX_DAYS):
        raise GrantProblem("You can share for up to one year at a time. You can always share again later.")
    row = ConsentGrant(
        profile=profile,
        grantee=grantee,
        sections=section_data.ordered(sections),
        purpose=purpose,
        # To the end of the day chosen, in UK time.
        ends_at=timezone.make_aware(datetime.combine(ends_on + timedelta(days=1), time.min)),
    )
    if grantee in (Grantee.PROFESSIONAL, Grantee.PARTNER):
        chosen = {user.pk: user for user in professionals(profile, partners=grantee == Grantee.PARTNER)}
        if user_id not in chosen:
            raise GrantProblem(
                f"You can only share with people who work in or with {profile.service.name}. "
                "Choose someone from the list, or ask your key worker to invite them."
            )
        row.grantee_user = chosen[user_id]
    elif grantee == Grantee.TEAM:
        team = Team.objects.filter(service=profile.service, pk=team_id).first()
        if team is None:
            raise GrantProblem("Choose a team from the list.")
        row.grantee_team = team
    elif grantee == Grantee.SERVICE:
        row.grantee_service = profile.service
    else:
        raise GrantProblem("Choose who to share with.")
    row.save()
    audit.record(
        "thisisme.grant_created",
        actor=profile.person,
        service=profile.service,
        target=row,
        grantee=grantee,
        sections=row.sections,
        purpose=purpose,
        ends_on=ends_on.isoformat(),
    )
    return row


def withdraw(profile: PersonProfile, ref) -> ConsentGrant | None:
    """Stop sharing now. Returns the grant, or None if it is not the person's."""
    row = ConsentGrant.objects.filter(profile=profile, ref=ref).first()
    if row is None:
        return None
    if row.withdrawn_at is None:
        ConsentGrant.objects.filter(pk=row.pk, withdrawn_at=None).update(withdrawn_at=timezone.now())
        row.refresh_from_db()
        audit.record("thisisme.grant_withdrawn", actor=profile.person, service=profile.service, target=row)
    return row


def as_fhir(row: ConsentGrant) -> dict:
    """The grant as a FHIR R4 Consent resource, for the person's own export."""
    if row.grantee_user_id:
        actor = {"reference": {"display": row.grantee_user.full_name}, "role": "professional"}
    elif row.grantee_team_id:
        actor = {"reference": {"display": row.grantee_team.name}, "role": "team"}
    else:
        actor = {"reference": {"display": row.profile.service.name}, "role": "service"}
    status = {"active": "active", "withdrawn": "inactive", "expired": "inactive"}[row.status]
    return {
        "resourceType": "Consent",
        "id": str(row.ref),
        "status": status,
        "pathfinderStatus": row.status,
        "scope": {"coding": [{"code": "patient-privacy"}]},
        "dateTime": row.created_at.isoformat(),
        "provision": {
            "type": "permit",
            "period": {"start": row.starts_at.isoformat(), "end": row.ends_at.isoformat()},
            "actor": [
                {
                    "role": {"text": actor["role"], "grantee": row.get_grantee_display()},
                    "reference": actor["reference"],
                }
            ],
            "purpose": [{"code": row.purpose, "display": row.get_purpose_display()}],
            "data": [{"meaning": "instance", "reference": {"display": title}} for title in row.section_titles],
        },
        "withdrawn": row.withdrawn_at.isoformat() if row.withdrawn_at else None,
    }
