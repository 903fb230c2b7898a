"""The partners register: organisations the service works with, what joint
work exists, which events, surveys and training they were invited to, and
what working with them taught the service (each turnable into a finding once).

Contacts are kept minimal on purpose: a role and a work address, never a
person's own details. An engagement points at a lens event or a survey by a
registered kind and an id (see programmes.registry), never a foreign key, so
discovery imports neither tool.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Finding, Programme

__all__ = ["Partner", "PartnerEngagement", "PartnerLearning"]


class Partner(models.Model):
    class Kind(models.TextChoices):
        GP = "gp", "GP practice"
        MENTAL_HEALTH = "mental_health", "Mental health team"
        JUSTICE = "justice", "Prison or justice service"
        PHARMACY = "pharmacy", "Pharmacy"
        THIRD_SECTOR = "third_sector", "Third sector"
        SOCIAL_WORK = "social_work", "Social work"
        HOUSING = "housing", "Housing"
        OTHER = "other", "Other"

    class JointWork(models.TextChoices):
        SHARED_CARE = "shared_care", "Shared care"
        REFERRALS = "referrals", "Referrals"
        LIAISON = "liaison", "Liaison meetings"
        DATA_SHARING = "data_sharing", "Data sharing"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # A role or title, not a name: people move on, the role stays.
    contact_role = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    # JointWork values, in the order of the choices.
    joint_work = models.JSONField(default=list, blank=True)
    notes = models.TextField(max_length=2000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def joint_work_labels(self) -> list[str]:
        labels = dict(self.JointWork.choices)
        return [labels[value] for value in self.joint_work if value in labels]


class PartnerEngagement(models.Model):
    """One invitation to one thing (an event, a survey, training), and whether
    the partner joined. `ref_type`/`ref_id` link to a registered thing (a
    survey, a lens event); `title` is its name as it was when recorded, or
    free text for anything else."""

    class What(models.TextChoices):
        LENS_EVENT = "lens_event", "Lens event"
        SURVEY = "survey", "Survey"
        TRAINING = "training", "Training"
        OTHER = "other", "Other"

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="engagements")
    what = models.CharField(max_length=20, choices=What.choices)
    title = models.CharField(max_length=200)
    ref_type = models.CharField(max_length=40, blank=True)
    ref_id = models.CharField(max_length=40, blank=True)
    invited_on = models.DateField(default=timezone.localdate)
    joined = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    service_path = "partner__programme__service"

    class Meta:
        ordering = ["-invited_on", "-id"]

    def __str__(self) -> str:
        return self.title


class PartnerLearning(models.Model):
    """Something working with a partner showed: what helps or what gets in the
    way. It becomes a finding for the plan once, and then links to it."""

    class Kind(models.TextChoices):
        STRENGTH = Finding.Kind.STRENGTH.value, "What helps"
        BARRIER = Finding.Kind.BARRIER.value, "What gets in the way"
        IDEA = Finding.Kind.IDEA.value, "An idea"

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="learnings")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    theme = models.CharField(max_length=30, choices=Theme.choices)
    principles = models.JSONField(default=list, blank=True)
    text = models.TextField(max_length=1000)
    finding = models.OneToOneField(Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "partner__programme__service"

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]
