from decimal import Decimal

from django import forms

from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.lens.models import NOTE_MAX_LENGTH, NoteKind, ParticipantKind, Tier
from pathfinder.programmes.domain import Principle, Theme

NOT_RECORDED = "not_recorded"


def _date(
    label: str,
    required: bool = True,
    help_text: str = "For example, 2027-03-18 or 18 3 2027.",
    not_future: bool = False,
) -> forms.DateField:
    return date_field(label, required=required, help_text=help_text, not_future=not_future)


def _text(label: str, max_length: int, rows: int = 3, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


# Pathway -----------------------------------------------------------------------


class StageForm(forms.Form):
    name = forms.CharField(
        label="Name of the stage",
        max_length=100,
        help_text="Short and plain, for example “Assessment” or “Starting treatment”.",
        error_messages={"required": "Enter a name for the stage."},
    )
    what_happens = _text("What happens", 1000, help_text="Describe it as someone using the service would see it.")
    who_is_involved = _text(
        "Who is involved", 500, rows=2, help_text="Roles, not names. For example, “a key worker and a nurse”."
    )
    partners = _text(
        "Partners involved", 500, rows=2, help_text="For example, GP practices, pharmacies, housing, social work."
    )
    typical_wait = forms.CharField(
        label="How long it usually takes",
        max_length=100,
        required=False,
        help_text="For example, “up to 3 weeks” or “on the same day”.",
    )


class StageEditForm(StageForm, VersionedForm):
    pass


# Vignettes -----------------------------------------------------------------------


class VignetteForm(forms.Form):
    name = forms.CharField(
        label="First name",
        max_length=60,
        help_text="Make one up. Do not base the story on anyone real, including people who use the service.",
        error_messages={"required": "Enter a made-up first name."},
    )
    age = forms.IntegerField(label="Age", min_value=16, max_value=100, required=False)
    tier = forms.ChoiceField(
        label="Risk tier",
        choices=Tier.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a risk tier."},
    )
    story = _text(
        "Their story", 2000, rows=5, required=True, help_text="A few plain sentences. Use person-first words."
    )
    purpose = _text(
        "What it helps the group talk about",
        1000,
        required=True,
        help_text="The parts of the pathway to look at closely.",
    )
    content_note = forms.CharField(
        label="Content note",
        max_length=300,
        required=False,
        help_text="If the story mentions suicide, overdose, self-harm or abuse, say so here. It is shown before the story.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].error_messages["required"] = "Write the story."
        self.fields["purpose"].error_messages["required"] = "Say what the vignette helps the group talk about."


class VignetteEditForm(VignetteForm, VersionedForm):
    pass


# The event -------------------------------------------------------------------------


class EventNewForm(forms.Form):
    title = forms.CharField(
        label="Name of the event",
        max_length=200,
        initial="Trauma-informed lens event",
        error_messages={"required": "Enter a name for the event."},
    )
    held_on = _date("Date", required=False, help_text="You can add it later. For example, 2027-03-18.")
    place = forms.CharField(
        label="Place", max_length=300, required=False, help_text="For example, Lochmore Community Centre, main hall."
    )


class EventDetailsForm(VersionedForm):
    title = forms.CharField(
        label="Name of the event", max_length=200, error_messages={"required": "Enter a name for the event."}
    )
    held_on = _date("Date", required=False)
    starts_at = forms.TimeField(
        label="Start time",
        required=False,
        help_text="For example, 09:30.",
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={"invalid": "Enter a time like 09:30."},
    )
    place = forms.CharField(label="Place", max_length=300, required=False)
    agenda = _text(
        "Agenda",
        5000,
        rows=12,
        help_text="One item per line. Every participant sees it beforehand. Half a day works well.",
    )
    facilitator_notes = _text(
        "Facilitation plan",
        5000,
        rows=14,
        help_text="Only you see this: your own plan and reminders for the day.",
    )
    votes_each = forms.IntegerField(
        label="Votes each participant can give",
        min_value=1,
        max_value=10,
        help_text="Three works well for most rooms.",
        error_messages={
            "required": "Enter how many votes each person has.",
            "min_value": "Each person needs at least 1 vote.",
            "max_value": "10 votes each is the most.",
        },
    )


class SupportForm(VersionedForm):
    quiet_space = _text("A quiet space", 1000, help_text="Where it is and when it is open.")
    support_person = _text(
        "A named support person",
        1000,
        help_text="Who they are (a name or a role) and how to find them on the day.",
    )
    what_to_expect = _text("What to expect", 2000, rows=5)
    stepping_out = _text("The right to step out", 1000)
    thanks = _text(
        "Thanks for your time", 1000, help_text="How people with lived experience are thanked, such as vouchers."
    )


class LeafletForm(VersionedForm):
    leaflet_intro = _text("Opening words", 2000, rows=3)
    leaflet_progress = _text(
        "What we are doing about known problems",
        4000,
        rows=8,
        help_text="One point per line. Say what people told you, and what is changing. Plain words, no blame.",
    )
    leaflet_feedback = _text("How to give feedback", 2000, rows=5, help_text="One point per line.")
    leaflet_contact = _text(
        "How to contact the service",
        1000,
        rows=5,
        help_text="Address, phone number, email and opening times, one per line. Printed on both leaflets.",
    )


# Groups and participants --------------------------------------------------------------


class GroupForm(forms.Form):
    name = forms.CharField(
        label="Name of the group", max_length=60, error_messages={"required": "Enter a name for the group."}
    )
    tier = forms.ChoiceField(
        label="Risk tier",
        choices=Tier.choices,
        widget=forms.RadioSelect,
        help_text="Each group follows two fictional people of the same tier.",
        error_messages={"required": "Choose the group's risk tier."},
    )
    first = forms.ChoiceField(label="First fictional person", error_messages={"required": "Choose the first person."})
    second = forms.ChoiceField(
        label="Second fictional person", error_messages={"required": "Choose the second person."}
    )

    def __init__(self, *args, vignettes, **kwargs):
        super().__init__(*args, **kwargs)
        self.vignettes = {str(vignette.pk): vignette for vignette in vignettes}
        tiers = dict(Tier.choices)
        choices = [("", "Choose someone")] + [
            (str(vignette.pk), f"{vignette} – {tiers[vignette.tier].split(',')[0].lower()}")
            for vignette in sorted(vignettes, key=lambda v: (list(tiers).index(v.tier), v.name))
        ]
        self.fields["first"].choices = choices
        self.fields["second"].choices = choices

    def clean(self):
        cleaned = super().clean()
        first, second, tier = cleaned.get("first"), cleaned.get("second"), cleaned.get("tier")
        if first and second and first == second:
            self.add_error("second", "Choose a different person from the first.")
        for name in ("first", "second"):
            chosen = self.vignettes.get(cleaned.get(name) or "")
            if chosen is not None and tier and chosen.tier != tier:
                self.add_error(name, f"{chosen.name} is in a different risk tier. Choose someone of the group's tier.")
        return cleaned

    def chosen(self) -> list:
        return [self.vignettes[self.cleaned_data["first"]], self.vignettes[self.cleaned_data["second"]]]


def _group_field(groups) -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Group",
        required=False,
        choices=[("", "Not in a group yet")] + [(str(group.pk), group.name) for group in groups],
    )


class MembersForm(forms.Form):
    members = forms.MultipleChoiceField(
        label="People with a Pathfinder account",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one person."},
    )

    def __init__(self, *args, memberships, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = {str(membership.pk): membership for membership in memberships}
        self.fields["members"].choices = [
            (key, f"{membership.user.full_name or membership.user.email} ({membership.get_role_display().lower()})")
            for key, membership in self.memberships.items()
        ]
        self.fields["group"] = _group_field(groups)
        self.groups = {str(group.pk): group for group in groups}

    def chosen(self) -> list:
        return [self.memberships[key] for key in self.cleaned_data["members"]]

    def chosen_group(self):
        return self.groups.get(self.cleaned_data.get("group") or "")


class GuestForm(forms.Form):
    kind = forms.ChoiceField(
        label="Taking part as",
        choices=ParticipantKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how they are taking part."},
    )
    label = forms.CharField(
        label="Name or label",
        max_length=100,
        required=False,
        help_text="Leave it blank and they will be shown as, for example, “Partner 2”. Only add a name if they are happy for you to.",
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"] = _group_field(groups)
        self.groups = {str(group.pk): group for group in groups}

    def chosen_group(self):
        return self.groups.get(self.cleaned_data.get("group") or "")


SUPPORT_CHOICES = [
    ("met_beforehand", "We met beforehand, to talk through the day"),
    ("support_offered", "Support was offered for the day"),
    ("debrief_offered", "A debrief was offered afterwards"),
]
SUPPORT_FIELDS = [key for key, _ in SUPPORT_CHOICES]


class ParticipantForm(GuestForm, VersionedForm):
    support = forms.MultipleChoiceField(
        label="Support for someone taking part with lived experience",
        required=False,
        choices=SUPPORT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick what has happened so far. Only you can see this.",
    )

    def support_flags(self) -> dict[str, bool]:
        chosen = set(self.cleaned_data.get("support") or [])
        return {key: key in chosen for key in SUPPORT_FIELDS}


class ReimbursementForm(forms.Form):
    participant = forms.ChoiceField(
        label="Who it was for", error_messages={"required": "Choose who the voucher was for."}
    )
    voucher_type = forms.CharField(
        label="Kind of voucher",
        max_length=100,
        help_text="For example, a supermarket or high-street gift card.",
        error_messages={"required": "Enter the kind of voucher."},
    )
    amount = forms.DecimalField(
        label="Amount in pounds",
        min_value=Decimal("0"),
        max_value=Decimal("9999.99"),
        decimal_places=2,
        help_text="For example, 25 or 25.00.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "required": "Enter the amount.",
            "invalid": "Enter the amount as a number, like 25.00.",
            "min_value": "The amount cannot be less than £0.",
            "max_value": "The amount must be less than £10,000.",
            "max_decimal_places": "Enter the amount in pounds and pence, like 25.50.",
        },
    )
    given_on = _date("Date given", not_future=True, help_text="The day it was given: today or earlier.")

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = {str(participant.pk): participant for participant in participants}
        self.fields["participant"].choices = [("", "Choose someone")] + [
            (key, f"{participant.display_name} ({participant.get_kind_display().lower()})")
            for key, participant in self.participants.items()
        ]

    def chosen(self):
        return self.participants[self.cleaned_data["participant"]]


# Notes, priorities and findings ---------------------------------------------------------


class NoteForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of note is it?",
        choices=NoteKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether this works well, is a barrier or is an idea."},
    )
    text = forms.CharField(
        label="Your note",
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Up to {NOTE_MAX_LENGTH} characters. Describe the system, not individuals: no names.",
        error_messages={
            "required": "Write the note before adding it.",
            "max_length": f"The note must be {NOTE_MAX_LENGTH} characters or fewer. Try splitting it into two notes.",
        },
    )
    principles = forms.MultipleChoiceField(
        label="Which principles does it touch on?",
        choices=Principle.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or more.",
        error_messages={"required": "Choose at least one of the five principles."},
    )
    participant_kind = forms.ChoiceField(
        label="Who raised it?",
        required=False,
        choices=[(NOT_RECORDED, "Not recorded"), *ParticipantKind.choices],
        initial=NOT_RECORDED,
        widget=forms.RadioSelect,
        help_text="Only the kind of participant is kept, never a name. Leave it as “Not recorded” if you prefer.",
    )

    def clean_participant_kind(self) -> str:
        value = self.cleaned_data.get("participant_kind") or NOT_RECORDED
        return "" if value == NOT_RECORDED else value


class PriorityForm(forms.Form):
    title = forms.CharField(
        label="Area for improvement",
        max_length=200,
        help_text="A short name, for example “Waiting for a first appointment”.",
        error_messages={"required": "Give the area a short name."},
    )
    description = _text("What it covers", 2000, help_text="What the barriers and ideas in it have in common.")
    notes = forms.MultipleChoiceField(
        label="Barriers and ideas it brings together",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, notes, **kwargs):
        super().__init__(*args, **kwargs)
        self.note_rows = {str(note.pk): note for note in notes}
        self.fields["notes"].choices = [
            (key, f"{note.get_kind_display()} at {note.stage.name}: {note.text}")
            for key, note in self.note_rows.items()
        ]

    def chosen_notes(self) -> list:
        return [self.note_rows[key] for key in self.cleaned_data.get("notes", [])]


class PriorityEditForm(PriorityForm, VersionedForm):
    room_votes = forms.IntegerField(
        label="Votes counted in the room",
        min_value=0,
        max_value=999,
        required=False,
        help_text="Dots or marks on paper from people taking part without an account. Added to the votes given here.",
        error_messages={"min_value": "Enter 0 or more.", "invalid": "Enter a whole number, like 4."},
    )


class FindingThemeForm(forms.Form):
    theme = forms.ChoiceField(label="Theme", choices=Theme.choices, initial=Theme.SERVICE_DESIGN)
