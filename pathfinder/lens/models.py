"""The trauma-informed lens event: the service pathway, the vignettes, the event
itself (groups, participants, support and thanks), the journeys mapped in the
room, and the priorities the room voted for.

Nothing here stores who wrote a note. A note may say what kind of participant
raised it (staff, partner, lived-experience adviser, other), never their name.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from pathfinder.core.models import Membership, Service
from pathfinder.programmes.models import Programme

NOTE_MAX_LENGTH = 500

# Lens events newest first: an event still without a date is the one being
# prepared. Queries that count (GROUP BY) drop Meta.ordering, so they say it.
EVENTS_NEWEST_FIRST = (models.F("held_on").desc(nulls_first=True), "-created_at", "-id")


class Tier(models.TextChoices):
    # The three risk tiers the pathfinders used for their groups (learning report, Phase Two).
    LOWER = "lower", "Lower risk, more stable"
    MID = "mid", "Mid risk, mental or physical health difficulties"
    HIGHER = "higher", "Higher risk, more chaotic"


class ParticipantKind(models.TextChoices):
    STAFF = "staff", "Staff member"
    PARTNER = "partner", "Partner"
    LIVED_EXPERIENCE = "lived_experience", "Lived-experience adviser"
    OTHER = "other", "Other"


class NoteKind(models.TextChoices):
    WORKS_WELL = "works_well", "Works well"
    BARRIER = "barrier", "Barrier"
    IDEA = "idea", "Idea"


class Pathway(models.Model):
    """The service's pathway, drafted by the lead and reused across events.

    `version` changes whenever stages are added, moved, retired or removed, so
    a reorder made from an out-of-date page is refused. Notes never change it.
    """

    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="lens_pathway")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)

    service_path = "service"

    def __str__(self) -> str:
        return f"Pathway of {self.service}"


class Stage(models.Model):
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=100)
    what_happens = models.TextField(max_length=1000, blank=True)
    who_is_involved = models.TextField(max_length=500, blank=True)
    partners = models.TextField(max_length=500, blank=True)
    typical_wait = models.CharField(max_length=100, blank=True)
    # Stages that journey notes refer to are retired, never deleted.
    retired_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    service_path = "pathway__service"

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Vignette(models.Model):
    """A fictional person, written for discussion. Built-in ones (no service)
    come from vignettes.yaml; a service can write its own."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True, related_name="vignettes")
    key = models.SlugField(max_length=60, blank=True)  # built-in ones only
    name = models.CharField(max_length=60)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    tier = models.CharField(max_length=10, choices=Tier.choices)
    story = models.TextField(max_length=2000)
    purpose = models.TextField(max_length=1000)
    content_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "service"

    class Meta:
        ordering = ["tier", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(service__isnull=True), name="builtin_vignette_key_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.age})" if self.age else self.name

    @property
    def is_builtin(self) -> bool:
        return self.service_id is None


class LensEvent(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Being prepared"
        OPEN = "open", "Open: notes and votes can be added"
        CLOSED = "closed", "Closed"

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="lens_events")
    title = models.CharField(max_length=200)
    held_on = models.DateField(null=True, blank=True)
    starts_at = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=300, blank=True)
    agenda = models.TextField(max_length=5000, blank=True)
    facilitator_notes = models.TextField(max_length=5000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    votes_each = models.PositiveSmallIntegerField(default=3)
    # Support for people with lived experience, shown to every participant beforehand.
    quiet_space = models.TextField(max_length=1000, blank=True)
    support_person = models.TextField(max_length=1000, blank=True)
    what_to_expect = models.TextField(max_length=2000, blank=True)
    stepping_out = models.TextField(max_length=1000, blank=True)
    thanks = models.TextField(max_length=1000, blank=True)
    # The communications leaflet's own words, edited by the lead before printing.
    leaflet_intro = models.TextField(max_length=2000, blank=True)
    leaflet_progress = models.TextField(max_length=4000, blank=True)
    leaflet_feedback = models.TextField(max_length=2000, blank=True)
    # The service's address, phone, email and opening times, printed on the leaflet.
    leaflet_contact = models.TextField(max_length=1000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    service_path = "programme__service"

    class Meta:
        ordering = list(EVENTS_NEWEST_FIRST)

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class EventGroup(models.Model):
    """A table in the room: one risk tier, two fictional people."""

    event = models.ForeignKey(LensEvent, on_delete=models.CASCADE, related_name="groups")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=60)
    tier = models.CharField(max_length=10, choices=Tier.choices)

    service_path = "event__programme__service"

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Journey(models.Model):
    """One fictional person's walk through the pathway, mapped by one group."""

    group = models.ForeignKey(EventGroup, on_delete=models.CASCADE, related_name="journeys")
    vignette = models.ForeignKey(Vignette, on_delete=models.PROTECT, related_name="journeys")
    position = models.PositiveSmallIntegerField()

    service_path = "group__event__programme__service"

    class Meta:
        ordering = ["group__position", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "position"], name="journey_position_unique_in_group"),
        ]

    def __str__(self) -> str:
        return f"{self.vignette.name}'s journey"


class EventParticipant(models.Model):
    """Someone taking part. People with an account are linked to their
    membership; others are a label such as "Partner 2", or a name only if the
    lead chose to type one."""

    event = models.ForeignKey(LensEvent, on_delete=models.CASCADE, related_name="participants")
    kind = models.CharField(max_length=20, choices=ParticipantKind.choices)
    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, null=True, blank=True, related_name="lens_participations"
    )
    label = models.CharField(max_length=100, blank=True)
    group = models.ForeignKey(EventGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="members")
    # Support for someone taking part with lived experience, kept by the lead.
    met_beforehand = models.BooleanField(default=False)
    support_offered = models.BooleanField(default=False)
    debrief_offered = models.BooleanField(default=False)
    added_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "event__programme__service"

    class Meta:
        ordering = ["kind", "label", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "membership"],
                condition=models.Q(membership__isnull=False),
                name="one_participant_row_per_member",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """For the lead's own pages only; notes and reports never use it."""
        if self.membership_id is not None:
            return self.membership.user.full_name or self.membership.user.email
        return self.label


class Reimbursement(models.Model):
    """Thanks given to a participant for their time and expertise. Vouchers,
    not payments: never bank details."""

    participant = models.ForeignKey(EventParticipant, on_delete=models.PROTECT, related_name="reimbursements")
    voucher_type = models.CharField(max_length=100)
    amount = models.DecimalField(max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    given_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    service_path = "participant__event__programme__service"

    class Meta:
        ordering = ["given_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="reimbursement_amount_not_negative")
        ]

    def __str__(self) -> str:
        return f"£{self.amount} {self.voucher_type}"


class JourneyNote(models.Model):
    """What a group noticed at one stage of one journey. No author is stored."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="notes")
    # PROTECT: a stage that notes refer to cannot be deleted, only retired.
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="notes")
    kind = models.CharField(max_length=20, choices=NoteKind.choices)
    text = models.TextField(max_length=NOTE_MAX_LENGTH)
    # One or more of programmes.domain.Principle values.
    principles = models.JSONField(default=list)
    participant_kind = models.CharField(max_length=20, choices=ParticipantKind.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    service_path = "journey__group__event__programme__service"

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Priority(models.Model):
    """A candidate area for improvement, grouped from barriers and ideas."""

    event = models.ForeignKey(LensEvent, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    notes = models.ManyToManyField(JourneyNote, blank=True, related_name="priorities")
    # Dots counted on paper, for people taking part without an account.
    room_votes = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    service_path = "event__programme__service"

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title


class Vote(models.Model):
    """One of a participant's votes. Several may go to the same priority."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(EventParticipant, on_delete=models.CASCADE, related_name="votes")
    cast_at = models.DateTimeField(default=timezone.now)

    service_path = "priority__event__programme__service"

    def __str__(self) -> str:
        return f"Vote for {self.priority}"
