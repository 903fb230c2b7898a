"""The documents register, trauma-informed reviews of documents, and the
working groups that do them (Policies and Processes theme). A working group's
meetings are the implementation group's meetings (planning.Meeting), pointed
at the group, so notes, decisions and reminders work the same way."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core.models import Membership
from pathfinder.programmes.models import Programme

__all__ = ["Document", "DocumentReview", "ReviewAnswer", "WorkingGroup"]


class WorkingGroup(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField(max_length=200)
    remit = models.TextField(max_length=3000, blank=True)
    members = models.ManyToManyField(Membership, blank=True, related_name="working_groups")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    class Kind(models.TextChoices):
        POLICY = "policy", "Board-wide policy"
        GUIDANCE = "guidance", "Local guidance"
        ASSESSMENT_FORM = "assessment_form", "Assessment form"
        LEAFLET = "leaflet", "Leaflet"
        PATHWAY = "pathway", "Pathway"
        JOB_DESCRIPTION = "job_description", "Job description"
        INDUCTION_PACK = "induction_pack", "Induction pack"
        OTHER = "other", "Other"

    class Owner(models.TextChoices):
        HR = "hr", "HR"
        SENIOR_MANAGEMENT = "senior_management", "Senior management"
        TEAM = "team", "The team"
        PARTNER = "partner", "A partner organisation"

    class ChangedBy(models.TextChoices):
        TEAM = "team", "Frontline staff in the team can change it"
        SENIOR_MANAGEMENT = "senior_management", "Only senior management can change it"
        HR = "hr", "Only HR can change it"
        PARTNER = "partner", "Only the partner organisation can change it"

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_REVIEW = "in_review", "In review"
        CHANGES_PROPOSED = "changes_proposed", "Changes proposed"
        AGREED = "agreed", "Changes agreed"
        DONE = "done", "Done"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    owner = models.CharField(max_length=30, choices=Owner.choices)
    changed_by = models.CharField(max_length=30, choices=ChangedBy.choices)
    current_version = models.CharField(max_length=40, blank=True)
    version_date = models.DateField(null=True, blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NOT_STARTED)
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents"
    )
    notes = models.TextField(max_length=3000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def frontline_may_change(self) -> bool:
        return self.changed_by == self.ChangedBy.TEAM

    def review_overdue(self, today) -> bool:
        return self.next_review_on is not None and self.next_review_on < today and self.status != self.Status.DONE


class DocumentReview(models.Model):
    """One trauma-informed read of a document against the checklist."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="reviews")
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="reviews"
    )
    reviewed_on = models.DateField()
    summary = models.TextField(max_length=3000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "document__programme__service"

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Review of {self.document} on {self.reviewed_on:%Y-%m-%d}"


class ReviewAnswer(models.Model):
    """What the review found for one checklist question (checklist.py), and
    what it proposes to change."""

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"
        NOT_RELEVANT = "not_relevant", "Does not apply"

    review = models.ForeignKey(DocumentReview, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=40)
    answer = models.CharField(max_length=20, choices=Answer.choices, blank=True)
    found = models.TextField(max_length=2000, blank=True)
    proposed = models.TextField(max_length=2000, blank=True)

    service_path = "review__document__programme__service"

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["review", "question"], name="review_answer_once")]

    def __str__(self) -> str:
        return f"{self.question}: {self.answer}"
