"""Professionals reading a profile: only the parts an active grant (or an
active emergency access) allows, only while it lasts, and every read logged
for the person to see.

Everything is worked out on the request: a grant withdrawn a moment ago, a
membership ended or a grant past its end refuses the very next request.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.models import Membership
from pathfinder.thisisme import sections as section_data
from pathfinder.thisisme.models import AccessEvent, ConsentGrant, EmergencyAccess, PersonProfile


@dataclass
class Access:
    profile: PersonProfile
    grants: list[ConsentGrant] = field(default_factory=list)
    emergency: EmergencyAccess | None = None

    @property
    def sections(self) -> list[str]:
        keys = {key for row in self.grants for key in row.sections}
        if self.emergency is not None:
            keys |= set(section_data.EMERGENCY_KEYS)
        return section_data.ordered(keys)

    @property
    def ends_at(self) -> datetime:
        ends = [row.ends_at for row in self.grants]
        if self.emergency is not None:
            ends.append(self.emergency.ends_at)
        return max(ends)


def _memberships(user):
    return Membership.objects.active().filter(user=user)


def _grants_for(user, now) -> Q:
    """Grants that name this user, one of their teams, or one of their services."""
    memberships = _memberships(user)
    services = memberships.values("service_id")
    team_ids = memberships.exclude(team=None).values("team_id")
    return (
        Q(withdrawn_at=None, starts_at__lte=now, ends_at__gt=now)
        # The grantee must still work in or with the profile's service.
        & Q(profile__service_id__in=services)
        & (Q(grantee_user=user) | Q(grantee_team_id__in=team_ids) | Q(grantee_service_id__in=services))
    )


def shared_with(user) -> list[Access]:
    """Every profile this professional may read now, soonest-ending first."""
    if not getattr(user, "is_authenticated", False) or user.is_person:
        return []
    now = timezone.now()
    rows = ConsentGrant.objects.filter(_grants_for(user, now)).select_related("profile__person", "profile__service")
    found: dict[int, Access] = {}
    for row in rows:
        found.setdefault(row.profile_id, Access(row.profile)).grants.append(row)
    for use in active_emergencies(user):
        if use.profile is not None:
            found.setdefault(use.profile_id, Access(use.profile)).emergency = use
    return sorted(found.values(), key=lambda access: access.ends_at)


def _active_emergencies(user, now):
    services = _memberships(user).values("service_id")
    return EmergencyAccess.objects.filter(
        user=user, started_at__lte=now, ends_at__gt=now, service_id__in=services
    ).exclude(profile=None)


def active_emergencies(user) -> list[EmergencyAccess]:
    return list(_active_emergencies(user, timezone.now()).select_related("profile__person", "profile__service"))


def shared_count(user) -> int:
    """How many profiles this professional may read now: len(shared_with(user)),
    in one query, reading only which profiles (for the dashboard's count)."""
    if not getattr(user, "is_authenticated", False) or user.is_person:
        return 0
    now = timezone.now()
    granted = ConsentGrant.objects.filter(_grants_for(user, now)).order_by().values_list("profile_id")
    emergency = _active_emergencies(user, now).order_by().values_list("profile_id")
    return len({profile_id for (profile_id,) in granted.union(emergency, all=True).order_by()})


def access_for(user, ref) -> Access | None:
    """What this professional may read of one profile now, or None."""
    for access in shared_with(user):
        if str(access.profile.ref) == str(ref):
            return access
    return None


def record(access: Access, user, action: str) -> list[AccessEvent]:
    """Log a read for the person (one line per grant used), and audit it."""
    membership = _memberships(user).filter(service=access.profile.service).first()
    role = membership.get_role_display() if membership else ""
    common = {
        "profile_ref": access.profile.ref,
        "actor": user,
        "actor_name": user.full_name,
        "actor_role": role,
        "actor_service": access.profile.service.name,
        "action": action,
    }
    events = [AccessEvent.objects.create(**common, sections=row.sections, grant_ref=row.ref) for row in access.grants]
    if access.emergency is not None:
        events.append(
            AccessEvent.objects.create(
                **common, sections=list(section_data.EMERGENCY_KEYS), emergency_ref=access.emergency.ref
            )
        )
    audit.record(
        audit.Kind.SENSITIVE_READ,
        actor=user,
        service=access.profile.service,
        target=access.profile,
        what="This is me profile",
        action=action,
        sections=access.sections,
        emergency=access.emergency is not None,
    )
    return events


def log_for(profile: PersonProfile) -> list[AccessEvent]:
    return list(AccessEvent.objects.filter(profile_ref=profile.ref))
