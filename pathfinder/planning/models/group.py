"""The implementation group: who is in it, its charter (every version kept)
and its meetings."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core.models import Membership
from pathfinder.programmes.models import Programme

MEETS_EVERY_WEEKS = 6  # the pathfinder groups met every six weeks after the project


class GroupMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        MEMBER = "member", "Member"
        LIVED_EXPERIENCE = "lived_experience", "Lived-experience member"
        SENIOR_LINK = "senior_link", "Link to senior management"
        COORDINATOR = "coordinator", "Coordinator (notes and reminders)"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="group_members")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.MEMBER)
    added_at = models.DateTimeField(default=timezone.now)

    service_path = "programme__service"

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["programme", "membership"], name="group_member_once")]

    def __str__(self) -> str:
        return f"{self.membership.user} ({self.get_role_display()})"


class Charter(models.Model):
    """One version of the group's charter. A change is a new row, so every
    earlier version can still be read."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="charters")
    number = models.PositiveIntegerField()
    purpose = models.TextField(max_length=3000)
    remit = models.TextField(max_length=3000, blank=True)
    membership = models.TextField(max_length=3000, blank=True)
    meets_every_weeks = models.PositiveSmallIntegerField(default=MEETS_EVERY_WEEKS)
    meetings = models.TextField(max_length=1000, blank=True)
    reporting = models.TextField(max_length=3000, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "programme__service"

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="charter_version_once")]

    def __str__(self) -> str:
        return f"Charter version {self.number}"


class Meeting(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="group_meetings")
    # Empty for the implementation group's own meetings; set for a phase one
    # working group's (discovery.WorkingGroup), which reuse this machinery.
    working_group = models.ForeignKey(
        "discovery.WorkingGroup", on_delete=models.CASCADE, null=True, blank=True, related_name="meetings"
    )
    held_on = models.DateField()
    attendees = models.ManyToManyField(Membership, blank=True, related_name="+")
    notes = models.TextField(max_length=6000, blank=True)
    decisions = models.TextField(max_length=3000, blank=True)
    decisions_needed = models.TextField(max_length=3000, blank=True)
    reviewed_actions = models.ManyToManyField("planning.Action", blank=True, related_name="reviewed_at")
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Meeting on {self.held_on:%Y-%m-%d}"

    @property
    def group_name(self) -> str:
        """Which group met, in words that follow "the": "implementation group"."""
        return f"“{self.working_group.name}” working group" if self.working_group_id else "implementation group"

    @property
    def group_title(self) -> str:
        return f"{self.working_group.name} (working group)" if self.working_group_id else "Implementation group"

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]

    @property
    def decision_list(self) -> list[str]:
        return self.lines(self.decisions)

    @property
    def decisions_needed_list(self) -> list[str]:
        return self.lines(self.decisions_needed)
