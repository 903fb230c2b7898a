"""'This is me': a profile the person holds, shared only with their consent.

- PersonProfile: one per person account (accounts.User with kind "person"),
  held with a service. The sections' words are in ProfileSection, encrypted.
- ConsentGrant: shaped like a FHIR Consent. Its status is worked out at the
  moment of each request, so a withdrawal or an end date takes effect at once.
- AccessEvent: every read, print or download by anyone other than the person.
  Append-only, in the model and in the database (migration 0002). It refers to
  the profile by `profile_ref`, not a foreign key, so it outlives an erasure.
- EmergencyAccess: a "break glass" use, with its reason (encrypted), for the
  service's Caldicott lead to review.
- ServiceSettings: per service: emergency access, Caldicott lead, retention.

None of these models is registered with django-simple-history, and no audit
event, log line or error report carries a section's words.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core import crypto
from pathfinder.core.models import Service, Team
from pathfinder.core.roles import Role
from pathfinder.thisisme import sections as section_data


class EncryptedText:
    """The plain text of the `<name>_encrypted` column, decrypted when read."""

    def __set_name__(self, owner, name: str) -> None:
        self.column = f"{name}_encrypted"

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        token = getattr(instance, self.column)
        return crypto.decrypt(token) if token else ""

    def __set__(self, instance, text: str) -> None:
        # Empty text is encrypted too, so the database does not show which parts are written.
        setattr(instance, self.column, crypto.encrypt(text))


class ServiceSettings(models.Model):
    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="this_is_me_settings")
    emergency_access = models.BooleanField(default=False)
    emergency_roles = models.JSONField(default=list, blank=True)
    caldicott_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retention_days = models.PositiveIntegerField(default=730)
    notice_days = models.PositiveIntegerField(default=28)
    version = models.PositiveIntegerField(default=1)

    service_path = "service"

    def __str__(self) -> str:
        return f"'This is me' settings for {self.service}"


class PersonProfile(models.Model):
    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="this_is_me")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    key_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Lower case; empty until the person has used their set-up code.
    username = models.CharField(max_length=40, blank=True)
    passphrase = models.CharField(max_length=128, blank=True, help_text="A hash, never the passphrase.")
    consent_recorded_at = models.DateTimeField()
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    setup_code_hash = models.CharField(max_length=64, blank=True)
    setup_code_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # To the day: the last time the person (or their key worker) worked on it.
    touched_on = models.DateField(default=timezone.localdate)
    retention_notice_on = models.DateField(null=True, blank=True)
    removal_due_on = models.DateField(null=True, blank=True)

    service_path = "service"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["username"], condition=~models.Q(username=""), name="thisisme_username_unique"
            )
        ]

    def __str__(self) -> str:
        return "'This is me' profile"

    @property
    def name(self) -> str:
        return self.person.full_name


class ProfileSection(models.Model):
    profile = models.ForeignKey(PersonProfile, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=30, choices=[(s.key, s.title) for s in section_data.SECTIONS])
    text_encrypted = models.TextField(editable=False)
    version = models.PositiveIntegerField(default=1)
    updated_on = models.DateField(default=timezone.localdate)

    text = EncryptedText()
    service_path = "profile__service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "key"], name="thisisme_one_row_per_section")]

    def __str__(self) -> str:
        return section_data.BY_KEY[self.key].title


class ConsentGrant(models.Model):
    """FHIR Consent, in our words: who (actor), which parts (data), why
    (purpose), for how long (period), and its status, computed on each request."""

    class Grantee(models.TextChoices):
        PROFESSIONAL = "professional", "A named professional in the service"
        PARTNER = "partner", "A named professional from a partner organisation"
        TEAM = "team", "A team"
        SERVICE = "service", "Everyone in the service"

    class Purpose(models.TextChoices):
        CARE = "care", "My care and support"
        REFERRAL = "referral", "A referral to another service"
        ASSESSMENT = "assessment", "An assessment"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        WITHDRAWN = "withdrawn", "Withdrawn"
        EXPIRED = "expired", "Ended"

    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    profile = models.ForeignKey(PersonProfile, on_delete=models.CASCADE, related_name="grants")
    grantee = models.CharField(max_length=20, choices=Grantee.choices)
    grantee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    grantee_team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    grantee_service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    sections = models.JSONField(default=list)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "profile__service"

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Sharing with {self.grantee_label}"

    def status_at(self, now=None) -> str:
        now = now or timezone.now()
        if self.withdrawn_at is not None:
            return self.Status.WITHDRAWN
        if now >= self.ends_at:
            return self.Status.EXPIRED
        return self.Status.ACTIVE

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def grantee_label(self) -> str:
        if self.grantee_user_id:
            return self.grantee_user.full_name
        if self.grantee_team_id:
            return f"the {self.grantee_team.name} team"
        if self.grantee_service_id:
            return f"everyone at {self.grantee_service.name}"
        return "nobody"

    @property
    def section_titles(self) -> list[str]:
        return section_data.titles(self.sections)


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The access log cannot be changed.")

    def delete(self):
        raise TypeError("The access log cannot be deleted.")


class AccessEvent(models.Model):
    """One view, print or download of a profile by someone other than the person."""

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        PRINT = "print", "Printed or downloaded"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    profile_ref = models.UUIDField(db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # As they were at the time, so the log still reads true if a role changes later.
    actor_name = models.CharField(max_length=150)
    actor_role = models.CharField(max_length=60)
    actor_service = models.CharField(max_length=200)
    action = models.CharField(max_length=10, choices=Action.choices)
    sections = models.JSONField(default=list)
    grant_ref = models.UUIDField(null=True, blank=True)
    emergency_ref = models.UUIDField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The access log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The access log cannot be deleted.")

    @property
    def section_titles(self) -> list[str]:
        return section_data.titles(self.sections)


class EmergencyAccess(models.Model):
    MAX_HOURS = 24

    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    profile = models.ForeignKey(PersonProfile, on_delete=models.SET_NULL, null=True, related_name="+")
    profile_ref = models.UUIDField(db_index=True)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=30, choices=Role.choices)
    reason_encrypted = models.TextField(editable=False)
    started_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_note_encrypted = models.TextField(blank=True, editable=False)

    reason = EncryptedText()
    review_note = EncryptedText()
    service_path = "service"

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Emergency access on {self.started_at:%Y-%m-%d}"

    @property
    def is_active(self) -> bool:
        return self.started_at <= timezone.now() < self.ends_at


ENCRYPTED = {
    ProfileSection: ["text_encrypted"],
    EmergencyAccess: ["reason_encrypted", "review_note_encrypted"],
}
