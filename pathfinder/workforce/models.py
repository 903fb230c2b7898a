"""A person's own wellbeing plan, kept encrypted at rest.

The plan belongs to a person, not a service, so it follows them between services.
Only its owner ever sees it: no page, export, audit event or log shows its words
to anyone else. Each section is stored as ciphertext (pathfinder.core.crypto) and
read through a property of the same name without the `_encrypted` suffix.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone

from pathfinder.core import crypto


@dataclass(frozen=True)
class PlanSection:
    name: str
    title: str
    hint: str


# The sections of a plan, in the order they are shown, in the person's own voice.
PLAN_SECTIONS = (
    PlanSection(
        "what_keeps_me_well",
        "What keeps me well at work",
        "Things that help you feel well and able to do your job, at work and outside it. For example: "
        "a proper lunch break, a walk between appointments, talking things over with a colleague, "
        "time with family or friends, exercise or sleep.",
    ),
    PlanSection(
        "early_signs",
        "Signs that I might be struggling",
        "What you, or people who know you, might notice first. For example: sleeping badly, feeling on edge "
        "or tearful, keeping away from colleagues, finding it hard to switch off, or working later and later.",
    ),
    PlanSection(
        "what_helps",
        "What helps when things are hard",
        "What you can do for yourself, and what others could do to help. For example: a short break after "
        "a difficult conversation, a check-in with your manager, time in supervision, or a lighter "
        "workload for a while.",
    ),
    PlanSection(
        "who_to_contact",
        "Who I can talk to",
        "People and services you can turn to, at work and outside it. For example: a colleague you trust, "
        "your manager, occupational health, your GP, a friend or someone in your family.",
    ),
)
SECTIONS = tuple(section.name for section in PLAN_SECTIONS)
SECTION_MAX_LENGTH = 2000


class EncryptedText:
    """The plain text of the `<name>_encrypted` column: decrypted when read,
    encrypted when set. An empty column (a plan never saved) reads as ""."""

    def __set_name__(self, owner, name: str) -> None:
        self.column = f"{name}_encrypted"

    def __get__(self, plan, owner=None):
        if plan is None:
            return self
        token = getattr(plan, self.column)
        return crypto.decrypt(token) if token else ""

    def __set__(self, plan, text: str) -> None:
        # Empty sections are encrypted too, so the database does not show which are filled in.
        setattr(plan, self.column, crypto.encrypt(text))


class WellbeingPlan(models.Model):
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wellbeing_plan")
    what_keeps_me_well_encrypted = models.TextField(blank=True, editable=False)
    early_signs_encrypted = models.TextField(blank=True, editable=False)
    what_helps_encrypted = models.TextField(blank=True, editable=False)
    who_to_contact_encrypted = models.TextField(blank=True, editable=False)
    # To the day: when someone worked on their plan is their business too.
    updated_on = models.DateField(default=timezone.localdate)
    version = models.PositiveIntegerField(default=1)

    what_keeps_me_well = EncryptedText()
    early_signs = EncryptedText()
    what_helps = EncryptedText()
    who_to_contact = EncryptedText()

    def __str__(self) -> str:
        return "Wellbeing plan"

    @property
    def texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SECTIONS}

    @property
    def is_empty(self) -> bool:
        return not any(text.strip() for text in self.texts.values())


ENCRYPTED_COLUMNS = [f"{name}_encrypted" for name in SECTIONS]
