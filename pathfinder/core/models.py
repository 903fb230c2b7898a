"""Tenancy: who belongs where, and the append-only record of what happened."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core.roles import Role


class Organisation(models.Model):
    class Kind(models.TextChoices):
        HEALTH_BOARD = "health_board", "Health board"
        ADP = "adp", "Alcohol and drug partnership"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        THIRD_SECTOR = "third_sector", "Third-sector organisation"
        NATIONAL_BODY = "national_body", "National body"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """A service that runs a programme, such as a drug and alcohol service."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="services")
    partnership = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="partnership_services",
        null=True,
        blank=True,
        limit_choices_to={"kind": Organisation.Kind.ADP},
        help_text="The alcohol and drug partnership the service belongs to, if any.",
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    service_path = ""

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="service_name_unique_in_org")]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)

    service_path = "service"

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["service", "name"], name="team_name_unique_in_service")]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)


class Membership(models.Model):
    """A person's role in one service. A person may belong to several services."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships")
    is_active = models.BooleanField(default=True)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = MembershipQuerySet.as_manager()
    service_path = "service"

    class Meta:
        ordering = ["service__name", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["user", "service"], name="one_membership_per_service")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} in {self.service}"


class Invitation(models.Model):
    """An e-mailed link that lets someone join a service in a given role.

    Only a hash of the token is stored, so a database reader cannot use it.
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=30, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    service_path = "service"

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.service} as {self.get_role_display()}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.withdrawn_at is None and self.expires_at > timezone.now()


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit events cannot be changed.")

    def delete(self):
        raise TypeError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    """Append-only: rows are added, never changed or removed.

    The database enforces it too (triggers in migrations 0002 and 0009), so not even a
    raw query can rewrite history. `detail` holds identifiers and labels,
    never free text typed by users.
    """

    class Kind(models.TextChoices):
        SIGN_IN = "auth.sign_in", "Signed in"
        SIGN_IN_FAILED = "auth.sign_in_failed", "Sign-in failed"
        SIGN_OUT = "auth.sign_out", "Signed out"
        USER_DISABLED = "auth.user_disabled", "Account disabled"
        MFA_CHANGED = "auth.mfa_changed", "Two-step verification changed"
        MFA_FAILED = "auth.mfa_failed", "Two-step verification code not accepted"
        PASSWORD_CHANGED = "auth.password_changed", "Password changed"
        PASSWORD_RESET_REQUESTED = "auth.password_reset_requested", "Password reset asked for"
        PASSWORD_RESET = "auth.password_reset", "Password reset from an e-mailed link"
        SITE_ADMIN_JOINED = "membership.site_admin_joined", "A site administrator joined the service"
        MEMBERSHIP_CREATED = "membership.created", "Membership created"
        MEMBERSHIP_ROLE_CHANGED = "membership.role_changed", "Role changed"
        MEMBERSHIP_ENDED = "membership.ended", "Membership ended"
        INVITATION_SENT = "invitation.sent", "Invitation sent"
        INVITATION_WITHDRAWN = "invitation.withdrawn", "Invitation withdrawn"
        ORGANISATION_CREATED = "organisation.created", "Organisation created"
        SERVICE_CREATED = "service.created", "Service created"
        PROGRAMME_STARTED = "programme.started", "Programme started"
        PHASE_CHANGED = "programme.phase_changed", "Phase updated"
        ASSESSMENT_OPENED = "assessment.opened", "Assessment round opened"
        ASSESSMENT_CONSENSUS = "assessment.consensus", "Assessment moved to agreeing scores"
        ASSESSMENT_CLOSED = "assessment.closed", "Assessment round closed"
        ASSESSMENT_REOPENED = "assessment.reopened", "Assessment round reopened"
        INSTRUMENT_ADAPTED = "instrument.adapted", "Instrument adapted"
        FINDING_CREATED = "finding.created", "Finding recorded from a tool"
        SURVEY_CREATED = "survey.created", "Survey set up"
        SURVEY_INVITED = "survey.invited", "Survey codes sent or printed"
        SURVEY_REMINDED = "survey.reminded", "Survey reminders sent"
        SURVEY_CLOSED = "survey.closed", "Survey closed"
        SURVEY_DELETED = "survey.deleted", "Survey deleted (it had no answers)"
        SURVEY_ARCHIVED = "survey.archived", "Survey archived"
        SURVEY_RESTORED = "survey.restored", "Survey brought back from the archive"
        TRAINING_PLAN_DRAFTED = "training.plan_drafted", "Training plan drafted"
        TRAINING_PLAN_CHANGED = "training.plan_changed", "Training plan changed"
        TRAINING_ROLE_LEVELS_CHANGED = "training.role_levels_changed", "Practice levels for roles changed"
        TRAINING_CATALOGUE_CHANGED = "training.catalogue_changed", "Training catalogue changed"
        TRAINING_JOB_ROLE_SET = "training.job_role_set", "Job role recorded"
        TRAINING_RECORD_ADDED = "training.record_added", "Training record added"
        TRAINING_RECORD_REMOVED = "training.record_removed", "Training record removed"
        PLAN_SETTINGS_CHANGED = "plan.settings_changed", "Plan settings changed"
        PLAN_FUNDING_SOURCE_ADDED = "plan.funding_source_added", "Funding source added"
        PLAN_ACTION_CREATED = "plan.action_created", "Action added to the plan"
        PLAN_ACTION_CHANGED = "plan.action_changed", "Action details changed"
        PLAN_ACTION_PROGRESS = "plan.action_progress", "Progress update added"
        PLAN_FINDING_SET_ASIDE = "plan.finding_set_aside", "Finding set aside"
        PLAN_FINDING_RESTORED = "plan.finding_restored", "Finding brought back"
        PLAN_TOC_CHANGED = "plan.toc_changed", "Theory of change changed"
        PLAN_GROUP_CHANGED = "plan.group_changed", "Implementation group membership changed"
        PLAN_CHARTER_VERSION = "plan.charter_version", "Charter version saved"
        PLAN_MEETING_RECORDED = "plan.meeting_recorded", "Group meeting recorded"
        PLAN_REMINDER_SENT = "plan.reminder_sent", "Meeting reminder sent"
        PLAN_FEEDBACK_RECORDED = "plan.feedback_recorded", "Feedback recorded"
        PLAN_FEEDBACK_PUBLISHED = "plan.feedback_published", "Public summary changed"
        PLAN_CALENDAR_FEED_CREATED = "plan.calendar_feed_created", "Calendar address made"
        PLAN_CALENDAR_FEED_REVOKED = "plan.calendar_feed_revoked", "Calendar address switched off"
        LENS_EVENT_CREATED = "lens.event_created", "Lens event set up"
        LENS_EVENT_OPENED = "lens.event_opened", "Lens event opened"
        LENS_EVENT_CLOSED = "lens.event_closed", "Lens event closed"
        LENS_EVENT_REOPENED = "lens.event_reopened", "Lens event reopened"
        LENS_STAGE_RETIRED = "lens.stage_retired", "Pathway stage retired"
        LENS_STAGE_DELETED = "lens.stage_deleted", "Pathway stage deleted"
        LENS_PARTICIPANT_ADDED = "lens.participant_added", "Lens event participant added"
        LENS_PARTICIPANT_REMOVED = "lens.participant_removed", "Lens event participant removed"
        LENS_REIMBURSEMENT_RECORDED = "lens.reimbursement_recorded", "Voucher recorded"
        LENS_REIMBURSEMENT_REMOVED = "lens.reimbursement_removed", "Voucher record removed"
        LENS_NOTE_CORRECTED = "lens.note_corrected", "Lens event note corrected"
        LENS_NOTE_REMOVED = "lens.note_removed", "Lens event note removed"
        LENS_SUPPORT_RECORDED = "lens.support_recorded", "Support for a participant recorded"
        # Phase one: the documents register (discovery)
        DOCUMENT_CHANGED = "discovery.document_changed", "Document in the register saved"
        DOCUMENT_REVIEWED = "discovery.document_reviewed", "Document review recorded"
        DOCUMENT_FINDING_MADE = "discovery.finding_made", "Finding made from a document review"
        WORKING_GROUP_CHANGED = "discovery.working_group_changed", "Working group saved"
        EXPORT = "data.export", "Data exported"
        SENSITIVE_READ = "data.read", "Sensitive record viewed"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=60, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()
    service_path = "service"

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["service", "-at"], name="audit_service_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit events cannot be deleted.")


from pathfinder.core.models_documents import RenderedDocument  # noqa: E402, F401  kept PDF and Word files
