"""Documents (PDF, Word) made in the background and kept while their content
is unchanged: see core/documents.py."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class RenderedDocument(models.Model):
    """One rendered file for one service, keyed by a hash of exactly what it
    says. What it says and the file itself are stored encrypted: reports hold
    findings, interview summaries and plans."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be made"
        RUNNING = "running", "Being made"
        DONE = "done", "Ready"
        FAILED = "failed", "Could not be made"

    service = models.ForeignKey("core.Service", on_delete=models.CASCADE, related_name="rendered_documents")
    # What it is, in words, for the audit log and the page: "lens report".
    what = models.CharField(max_length=100)
    # The record it is about ("lens.lensevent:12"): one kept copy per subject, what and format.
    subject = models.CharField(max_length=120)
    format = models.CharField(max_length=10)
    # sha256 of the renderer version, subject, what, format and the full content.
    key = models.CharField(max_length=64)
    # Who may open the finished file: the permissions the download itself needs, comma-separated.
    permission = models.CharField(max_length=100)
    filename = models.CharField(max_length=120)
    # The download address that asked for it: "try again" goes back there.
    source_url = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    source = models.TextField(blank=True)  # encrypted; emptied once the file is made
    content = models.TextField(blank=True)  # encrypted file (base64 inside)
    size = models.PositiveIntegerField(default=0)
    render_seconds = models.FloatField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    service_path = "service"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "key"], name="rendered_document_key_unique")]
        indexes = [models.Index(fields=["service", "subject", "what", "format"], name="rendered_document_subject")]

    def __str__(self) -> str:
        return f"{self.what} ({self.format}, {self.get_status_display().lower()})"

    @property
    def waiting(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}
