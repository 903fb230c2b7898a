"""State changes for tenancy: organisations, services, invitations, memberships.

Each change writes its audit event here, so no view can forget it.
"""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.core.links import absolute_url
from pathfinder.core.mail import send_mail
from pathfinder.core.models import Invitation, Membership, Organisation, Service
from pathfinder.core.permissions import forget_roles
from pathfinder.core.roles import Role

INVITATION_DAYS = 14


class CannotChange(Exception):
    """A change that would leave things in a state we do not allow."""


def unique_slug(model, name: str) -> str:
    base = slugify(name)[:70] or "item"
    slug, number = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_organisation(*, name: str, kind: str, by) -> Organisation:
    organisation = Organisation.objects.create(name=name, kind=kind, slug=unique_slug(Organisation, name))
    audit.record(audit.Kind.ORGANISATION_CREATED, actor=by, target=organisation)
    return organisation


def create_service(*, organisation, name: str, by, partnership=None, description: str = "") -> Service:
    service = Service.objects.create(
        organisation=organisation,
        partnership=partnership,
        name=name,
        description=description,
        slug=unique_slug(Service, name),
    )
    audit.record(audit.Kind.SERVICE_CREATED, actor=by, service=service, target=service)
    return service


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(*, service: Service, email: str, role: str, by) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link. Returns the invitation and the token."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        service=service,
        email=email.strip().lower(),
        role=role,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    _email_invitation(invitation, token, by=by)
    audit.record(audit.Kind.INVITATION_SENT, actor=by, service=service, target=invitation, role=role)
    return invitation, token


@transaction.atomic
def resend_invitation(invitation: Invitation, *, by) -> str:
    """E-mail a new link, valid for another INVITATION_DAYS. Only the new
    link works: the old token's hash is replaced. Returns the new token."""
    token = secrets.token_urlsafe(32)
    renewed = Invitation.objects.filter(pk=invitation.pk, accepted_at=None, withdrawn_at=None).update(
        token_hash=hash_token(token), expires_at=timezone.now() + timedelta(days=INVITATION_DAYS)
    )
    if not renewed:
        raise CannotChange("This invitation has already been accepted or withdrawn.")
    invitation.refresh_from_db()
    _email_invitation(invitation, token, by=by)
    audit.record(
        audit.Kind.INVITATION_SENT,
        actor=by,
        service=invitation.service,
        target=invitation,
        role=invitation.role,
        resent=True,
    )
    return token


def _email_invitation(invitation: Invitation, token: str, *, by) -> None:
    link = absolute_url(reverse("invitation_accept", args=[token]))
    context = {"invitation": invitation, "link": link, "days": INVITATION_DAYS, "inviter": by}
    send_mail(
        subject=f"You are invited to join {invitation.service.name} on Pathfinder",
        message=render_to_string("core/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


def find_open_invitation(token: str) -> Invitation | None:
    invitation = Invitation.objects.select_related("service").filter(token_hash=hash_token(token)).first()
    return invitation if invitation is not None and invitation.is_open else None


def withdraw_invitation(invitation: Invitation, *, by) -> None:
    Invitation.objects.filter(pk=invitation.pk, accepted_at=None).update(withdrawn_at=timezone.now())
    audit.record(audit.Kind.INVITATION_WITHDRAWN, actor=by, service=invitation.service, target=invitation)


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user) -> Membership:
    """Join the service. Accepting twice, or a stale link, is refused."""
    claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at=None, withdrawn_at=None).update(
        accepted_at=timezone.now()
    )
    if not claimed:
        raise CannotChange("This invitation has already been used.")
    membership = Membership.objects.filter(user=user, service=invitation.service).first()
    if membership is None:
        membership = Membership.objects.create(user=user, service=invitation.service, role=invitation.role)
        audit.record(
            audit.Kind.MEMBERSHIP_CREATED,
            actor=user,
            service=invitation.service,
            target=membership,
            role=invitation.role,
            invitation=invitation.pk,
        )
    elif not membership.is_active or membership.role != invitation.role:
        previous = membership.role
        Membership.objects.filter(pk=membership.pk).update(
            is_active=True, ended_at=None, role=invitation.role, version=membership.version + 1
        )
        membership.refresh_from_db()
        audit.record(
            audit.Kind.MEMBERSHIP_ROLE_CHANGED,
            actor=user,
            service=invitation.service,
            target=membership,
            role=invitation.role,
            previous=previous,
        )
    _record_site_admin_joining(membership)
    forget_roles(user)
    return membership


def _record_site_admin_joining(membership: Membership) -> None:
    """Site administrators can join any service: the service's lead must see
    when one does (on the people page and in the activity log)."""
    if membership.user.is_site_admin:
        audit.record(
            audit.Kind.SITE_ADMIN_JOINED,
            actor=membership.user,
            service=membership.service,
            target=membership,
            role=membership.role,
        )


def account_for_email(email: str):
    return get_user_model()._default_manager.filter(email__iexact=email.strip()).first()


def create_account(*, email: str, password: str, full_name: str):
    return get_user_model()._default_manager.create_user(email=email, password=password, full_name=full_name)


def add_member(*, service: Service, user, role: str, by=None) -> Membership:
    try:
        with transaction.atomic():
            membership = Membership.objects.create(user=user, service=service, role=role)
    except IntegrityError:
        raise CannotChange("This person already belongs to the service.") from None
    audit.record(audit.Kind.MEMBERSHIP_CREATED, actor=by, service=service, target=membership, role=role)
    _record_site_admin_joining(membership)
    forget_roles(user)
    return membership


def _other_active_leads(membership: Membership) -> bool:
    return (
        Membership.objects.active()
        .filter(service_id=membership.service_id, role=Role.PROGRAMME_LEAD)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def change_role(membership: Membership, *, role: str, version: int, by) -> None:
    """Raises StaleEdit if someone else changed it first, CannotChange if it
    would leave the service without a programme lead."""
    if role == membership.role:
        return
    if membership.role == Role.PROGRAMME_LEAD and not _other_active_leads(membership):
        raise CannotChange("A service needs at least one programme lead. Give someone else that role first.")
    previous = membership.role
    membership.role = role
    save_if_current(membership, version, ["role"])
    audit.record(
        audit.Kind.MEMBERSHIP_ROLE_CHANGED,
        actor=by,
        service=membership.service,
        target=membership,
        role=role,
        previous=previous,
    )


@transaction.atomic
def end_membership(membership: Membership, *, version: int, by) -> None:
    if membership.role == Role.PROGRAMME_LEAD and not _other_active_leads(membership):
        raise CannotChange("A service needs at least one programme lead. Give someone else that role first.")
    membership.is_active = False
    membership.ended_at = timezone.now()
    save_if_current(membership, version, ["is_active", "ended_at"])
    audit.record(audit.Kind.MEMBERSHIP_ENDED, actor=by, service=membership.service, target=membership)
