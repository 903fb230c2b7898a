"""The language audit: each service's lexicons, audits of documents and what
they counted, and the transient, encrypted uploads waiting to be counted.

Only counts are kept. A document is kept as a neutral label ("Document 3"),
never its file name: care plans are often saved under the person's name
("J Smith care plan.docx"), so a file name is treated as text that may
identify someone. The uploaded bytes are held encrypted in `PendingUpload`
only until the background task has counted them, then the row is deleted."""

from django.conf import settings
from django.db import models


class LanguageLexicon(models.Model):
    """A service's own lists, seeded from the defaults the first time it
    opens them. One term a line; a stigmatising term's person-first
    alternatives follow an equals sign, separated by semicolons."""

    service_path = "service"

    service = models.OneToOneField("core.Service", on_delete=models.CASCADE, related_name="language_lexicon")
    trauma_informed = models.TextField()
    stigmatising = models.TextField()
    ignore = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Language lexicon of {self.service}"


class LanguageAudit(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Reading the documents"
        DONE = "done", "Finished"
        FAILED = "failed", "Could not finish"

    class Kind(models.TextChoices):
        BATCH = "batch", "Audit of uploaded documents"
        REGISTER = "register", "Check of a document in the register"

    service_path = "programme__service"

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="language_audits")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.BATCH)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    # For a register check: the document's id in the documents register (no
    # foreign key: evidence does not import discovery) and where it is.
    source_id = models.PositiveIntegerField(null=True, blank=True)
    source_href = models.CharField(max_length=300, blank=True)
    document_count = models.PositiveIntegerField(default=0)
    # Totals: set once, when every document has been read (all or nothing).
    words = models.PositiveIntegerField(default=0)
    trauma_informed_total = models.PositiveIntegerField(default=0)
    stigmatising_total = models.PositiveIntegerField(default=0)
    identifiers = models.PositiveIntegerField(default=0)
    trauma_informed_counts = models.JSONField(default=dict, blank=True)
    stigmatising_counts = models.JSONField(default=dict, blank=True)
    # The alternatives offered for each stigmatising term, as they were then.
    alternatives = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["programme", "status", "created_at"])]

    def __str__(self) -> str:
        return self.title


class AuditDocument(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        COUNTED = "counted", "Counted"
        UNREADABLE = "unreadable", "Could not be read"

    service_path = "audit__programme__service"

    audit = models.ForeignKey(LanguageAudit, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField()
    label = models.CharField(max_length=200)  # "Document 3", never the file name
    kind = models.CharField(max_length=10)  # "docx", "txt"...: from the name's ending, for reading
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    reason = models.CharField(max_length=400, blank=True)
    words = models.PositiveIntegerField(default=0)
    trauma_informed_total = models.PositiveIntegerField(default=0)
    stigmatising_total = models.PositiveIntegerField(default=0)
    identifiers = models.PositiveIntegerField(default=0)
    trauma_informed_counts = models.JSONField(default=dict, blank=True)
    stigmatising_counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["audit", "position"], name="audit_document_position_once")]

    def __str__(self) -> str:
        return self.label


class PendingUpload(models.Model):
    """An uploaded file's bytes, encrypted (AES-GCM, bound to the document's
    id), waiting for the task. Deleted as soon as the document is counted."""

    service_path = "document__audit__programme__service"

    document = models.OneToOneField(AuditDocument, on_delete=models.CASCADE, related_name="pending")
    size = models.PositiveIntegerField()
    sealed = models.TextField()

    def __str__(self) -> str:
        return f"Waiting: {self.document}"
